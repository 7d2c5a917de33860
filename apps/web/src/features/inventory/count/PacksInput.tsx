import { unitsFromPacks } from '@stockscan/entitlements';
import { useLocale, useT } from '../../../i18n/i18n';
import { m } from '../messages';
import { formatQty } from '../scope/format';
import { packedOf, packSummary, packWord } from './count-kind';
import type { Packed } from './count-values';
import { StepField } from './QuantityInput';

/**
 * A product sold by the carton counted as the shelf shows it: whole packs and loose units, two fields with
 * big buttons, and the sum in units under them ("3 cartons + 4 = 76"). The units are what is stored.
 */
export function PacksInput({
  name,
  unit,
  packSize,
  packUom,
  quantity,
  packed,
  autoFocus,
  onSave,
}: {
  name: string;
  unit: string;
  packSize: number;
  /** The pack's name on the product ("carton", "caisse"); null = "colis". */
  packUom: string | null;
  quantity: number | undefined;
  packed: Packed | null;
  autoFocus: boolean;
  onSave: (quantity: number, packed: Packed) => void;
}) {
  const t = useT(m);
  const { locale } = useLocale();
  const shown = packedOf(quantity, packed, packSize);
  const uom = packUom?.trim() || t('pack_default');
  const title = packWord(uom, 2);

  function save(next: Packed) {
    onSave(unitsFromPacks(next.packs, next.units, packSize), next);
  }

  return (
    <div className="count-packs">
      <StepField
        label={t('packs_label', { name, uom: title.charAt(0).toUpperCase() + title.slice(1) })}
        unit={packWord(uom, shown?.packs ?? 0)}
        value={shown?.packs}
        whole
        autoFocus={autoFocus}
        className="count-qty-packs"
        onSave={(packs) => save({ packs, units: shown?.units ?? 0 })}
      />
      <StepField
        label={t('units_label', { name })}
        unit={unit}
        value={shown?.units}
        className="count-qty-units"
        onSave={(units) => save({ packs: shown?.packs ?? 0, units })}
      />
      <output className="packs-total" aria-live="polite">
        {shown && quantity !== undefined
          ? packSummary(locale, shown, quantity, uom, formatQty)
          : t('packs_hint', { size: formatQty(locale, packSize), uom })}
      </output>
    </div>
  );
}
