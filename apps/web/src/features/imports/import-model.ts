import type { AppRouter } from '@stockscan/api';
import type { ImportResolution } from '@stockscan/contracts';
import type { inferRouterOutputs } from '@trpc/server';

export type Preview = inferRouterOutputs<AppRouter>['purchasing']['imports']['preview'];
export type PreviewLine = Preview['lines'][number];

/** The user's choice for a line without a product. */
export type Choice =
  | { action: 'create' }
  | { action: 'skip' }
  | { action: 'link'; product_id: string | null; product_name: string | null };

export type Choices = Record<number, Choice>;

/** Unknown products are created unless the user says otherwise; unreadable lines are left out. */
export function initialChoices(preview: Preview, create = true): Choices {
  const choices: Choices = {};
  for (const line of preview.lines) {
    if (line.problems.length > 0) choices[line.line] = { action: 'skip' };
    else if (!line.match) choices[line.line] = create ? { action: 'create' } : { action: 'skip' };
  }
  return choices;
}

/** What the commit sends: one resolution per chosen line; a link without its product is not ready. */
export function resolutionsOf(choices: Choices): { resolutions: ImportResolution[]; ready: boolean } {
  const resolutions: ImportResolution[] = [];
  let ready = true;
  for (const [key, choice] of Object.entries(choices)) {
    const line = Number(key);
    if (choice.action === 'link') {
      if (choice.product_id) resolutions.push({ line, action: 'link', product_id: choice.product_id });
      else ready = false;
    } else resolutions.push({ line, action: choice.action });
  }
  return { resolutions, ready };
}

/** Lines the commit will write: matched ones plus those created or linked. */
export function linesToWrite(preview: Preview, choices: Choices): number {
  return preview.lines.filter((l) => {
    const choice = choices[l.line];
    return choice ? choice.action !== 'skip' : l.problems.length === 0 && l.match !== null;
  }).length;
}

/** The file's bytes as base64 (what the API reads). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk)
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}
