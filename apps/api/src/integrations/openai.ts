import OpenAI from 'openai';
import type { Config } from '../config';

/** The only place the OpenAI SDK is built; OPENAI_BASE_URL points it at a fake. */
export function createOpenAI(config: Config): OpenAI | null {
  if (!config.ai.enabled || !config.ai.apiKey) return null;
  return new OpenAI({
    apiKey: config.ai.apiKey,
    ...(config.ai.baseUrl ? { baseURL: config.ai.baseUrl } : {}),
    timeout: 10_000,
    maxRetries: 0,
  });
}
