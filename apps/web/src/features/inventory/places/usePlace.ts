import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export interface Place {
  location_id: string;
  name: string;
  counted: number;
  listed: number;
  listed_counted: number;
}

/** The service's live places in order, and their names by id (a row names the other places' lines). */
export interface Places {
  order: string[];
  names: ReadonlyMap<string, string>;
}

/**
 * The place being counted, kept in the URL (?place=) so a reload or a shared link counts the same room; null
 * is the whole service. Until the service's places are known the URL's is trusted; an unknown one (archived,
 * another service's) then falls back to the whole service.
 */
export function usePlace(places: readonly Place[] | undefined) {
  const [params, setParams] = useSearchParams();
  const wanted = params.get('place');
  const locationId = wanted && (!places || places.some((p) => p.location_id === wanted)) ? wanted : null;
  const setPlace = useCallback(
    (id: string | null) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (id) next.set('place', id);
          else next.delete('place');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const known: Places = useMemo(
    () => ({
      order: (places ?? []).map((p) => p.location_id),
      names: new Map((places ?? []).map((p) => [p.location_id, p.name])),
    }),
    [places],
  );
  return { locationId, setPlace, places: known };
}
