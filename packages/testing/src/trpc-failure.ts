import { TRPCClientError } from '@trpc/client';

/** The tRPC error a call fails with: `data` carries the SPEC §5 code, http status and fields. */
export async function failure(
  call: Promise<unknown>,
): Promise<{ message: string; data: Record<string, unknown> }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCClientError)
      return { message: error.message, data: error.data as Record<string, unknown> };
    throw error;
  }
  throw new Error('expected the call to fail');
}
