/**
 * Copies `text`: the Clipboard API where the page may use it (https or localhost), else the old
 * select-and-copy on the visible field (plain http on a LAN, older browsers). False when both failed: the
 * field is then left selected so the person can copy it by hand.
 */
export async function copyText(text: string, field?: HTMLInputElement | null): Promise<boolean> {
  try {
    if (typeof navigator !== 'undefined' && navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Permission refused or document not focused: try the fallback below.
  }
  if (!field) return false;
  field.focus();
  field.select();
  field.setSelectionRange(0, text.length);
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}

/** The phone's share sheet (SMS, WhatsApp…) when the browser has one. */
export function canShare(): boolean {
  return typeof navigator !== 'undefined' && typeof navigator.share === 'function';
}
