import { normalizePlanCode } from '@stockscan/entitlements';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { setSession } from '../../lib/session';
import { useTRPC } from '../../lib/trpc';
import { toast } from '../../shared/feedback/toast-store';
import { billingPath } from '../../shared/links';

/** Where to go once the account exists: the plan picked on the pricing page, else the app. */
function afterSignUp(params: URLSearchParams): string {
  const plan = normalizePlanCode(params.get('plan'));
  const cycle = params.get('cycle') === 'YEARLY' ? 'YEARLY' : 'MONTHLY';
  return plan && plan !== 'ESSENTIEL' ? billingPath(plan, cycle) : '/app';
}

/**
 * `auth.register` — user, tenant, services with their modules and trial in one call — then the session and the
 * next screen; or, when the email must be confirmed first (no tokens), `onVerify`.
 */
export function useSignUp(options: {
  welcome: string;
  onVerify: (email: string | null) => void;
  onFailure: (error: unknown) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return useMutation(
    trpc.auth.register.mutationOptions({
      onSuccess: async (result) => {
        if (!result.access || !result.refresh) {
          options.onVerify(result.user.email);
          return;
        }
        queryClient.clear();
        setSession({ access: result.access, refresh: result.refresh });
        toast.ok(options.welcome);
        await navigate(afterSignUp(params), { replace: true });
      },
      onError: options.onFailure,
    }),
  );
}
