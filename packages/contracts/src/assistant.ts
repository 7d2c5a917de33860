import { z } from 'zod';
import { Month, Uuid } from './primitives';

/** AI assistant (SPEC §7 `POST /api/ai/assistant/`, §9 third bullet). */

/** The only app routes an answer may link to: the model cannot invent links. */
export const ASSISTANT_HREFS = [
  '/app/inventory',
  '/app/losses',
  '/app/exports',
  '/app/settings',
  '/app/settings/billing',
  '/pricing',
  '/app/team',
] as const;
export const AssistantHref = z.enum(ASSISTANT_HREFS);
export type AssistantHref = z.infer<typeof AssistantHref>;

export const MAX_QUESTION_LENGTH = 500;

export const AssistantAskInput = z.object({
  /** Empty or absent: "give me the summary of the month". */
  question: z
    .string()
    .trim()
    .max(MAX_QUESTION_LENGTH, { message: `${MAX_QUESTION_LENGTH} caractères au maximum.` })
    .nullish()
    .transform((v) => (v ? v : null)),
  /** A service of the tenant; absent or 'all' = every service the member may see. */
  service_id: z.union([Uuid, z.literal('all')]).nullish(),
  /** Defaults to the current month. */
  month: Month.nullish(),
});
export type AssistantAskInput = z.input<typeof AssistantAskInput>;
export type AssistantAskParsed = z.output<typeof AssistantAskInput>;

export const InsightSeverity = z.enum(['info', 'warning', 'danger']);
export type InsightSeverity = z.infer<typeof InsightSeverity>;

export const AssistantInsight = z.object({
  title: z.string().describe('Short title, a few words.'),
  description: z.string().describe('One or two sentences citing figures from the context.'),
  severity: InsightSeverity,
});
export type AssistantInsight = z.infer<typeof AssistantInsight>;

export const AssistantAction = z.object({ label: z.string(), href: AssistantHref.nullable() });
export type AssistantAction = z.infer<typeof AssistantAction>;

/**
 * What the model must answer: the single source of truth for the JSON schema sent to OpenAI (structured
 * outputs, strict) and for validating its answer. An href outside the allow-list becomes null.
 */
export const AssistantModelAnswer = z.object({
  message: z.string().describe('The answer to the question, or the summary of the month: 1 to 4 sentences.'),
  insights: z.array(AssistantInsight).describe('At most 5 findings, most severe first.'),
  actions: z
    .array(
      z.object({
        label: z.string().describe('Button text, a few words.'),
        href: AssistantHref.nullable()
          .catch(null)
          .describe('An app route from the enum, or null when no route fits.'),
      }),
    )
    .describe('At most 3 next steps.'),
});
export type AssistantModelAnswer = z.infer<typeof AssistantModelAnswer>;

export const AssistantMode = z.enum(['ai', 'fallback', 'paywall']);
export type AssistantMode = z.infer<typeof AssistantMode>;

/** Always a 200 with this shape; `code` only on the paywall. */
export const AssistantResponse = z.object({
  enabled: z.boolean(),
  mode: AssistantMode,
  message: z.string(),
  insights: z.array(AssistantInsight),
  actions: z.array(AssistantAction),
  question: z.string().nullable(),
  request_id: z.string(),
  code: z.literal('FEATURE_NOT_INCLUDED').optional(),
});
export type AssistantResponse = z.infer<typeof AssistantResponse>;

/** Suggested questions for the panel, per locale. */
export const ASSISTANT_SUGGESTED_QUESTIONS: Record<'fr' | 'en', readonly string[]> = {
  fr: [
    'Que dois-je recommander en priorité ?',
    'Où est-ce que je perds le plus d’argent ?',
    'Qu’est-ce qui a le plus changé depuis le mois dernier ?',
    'Mes données sont-elles complètes ?',
  ],
  en: [
    'What should I reorder first?',
    'Where am I losing the most money?',
    'What changed most since last month?',
    'Is my data complete?',
  ],
};
