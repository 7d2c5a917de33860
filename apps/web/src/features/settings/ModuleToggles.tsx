import type { ServiceFeatureKey, ServiceType } from '@stockscan/contracts';
import { useT } from '../../i18n/i18n';
import { moduleMessages } from './modules-messages';
import './modules.css';

type ModuleMessageKey = keyof (typeof moduleMessages)['fr'];

/** The order a trader thinks in: money first, then how products are found, then dates and containers. */
const MODULE_ORDER: readonly ServiceFeatureKey[] = [
  'prices',
  'vat',
  'barcode',
  'sku',
  'dlc',
  'lot',
  'open_container_tracking',
  'multi_unit',
  'item_type',
  'suppliers',
  'variants',
];

export type ModuleStates = Partial<Record<string, { enabled: boolean; recommended: boolean }>>;

function whyKey(key: ServiceFeatureKey, serviceType: ServiceType): ModuleMessageKey {
  const specific = `why_${key}_${serviceType}`;
  return (specific in moduleMessages.fr ? specific : `why_${key}`) as ModuleMessageKey;
}

export function enabledCount(features: ModuleStates): number {
  return MODULE_ORDER.filter((key) => features[key]?.enabled).length;
}

/** One switch per module, with the reason it exists for this trade. */
export function ModuleToggles({
  serviceType,
  features,
  onToggle,
  disabled = false,
  legend,
}: {
  serviceType: ServiceType;
  features: ModuleStates;
  onToggle: (key: ServiceFeatureKey, enabled: boolean) => void;
  disabled?: boolean;
  legend: string;
}) {
  const t = useT(moduleMessages);
  return (
    <fieldset className="modules" disabled={disabled}>
      <legend className="sr-only">{legend}</legend>
      <ul className="module-list">
        {MODULE_ORDER.map((key) => {
          const state = features[key] ?? { enabled: false, recommended: false };
          return (
            <li key={key}>
              <label className="module-row">
                <input
                  type="checkbox"
                  className="switch"
                  checked={state.enabled}
                  onChange={(event) => onToggle(key, event.target.checked)}
                />
                <span className="module-text">
                  <span className="module-name">
                    {t(`label_${key}` as ModuleMessageKey)}
                    {/* Only worth saying when it is off: every module on is there because it fits the trade. */}
                    {state.recommended && !state.enabled ? (
                      <span className="module-badge">{t('recommended')}</span>
                    ) : null}
                  </span>
                  <span className="module-why">{t(whyKey(key, serviceType))}</span>
                </span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
