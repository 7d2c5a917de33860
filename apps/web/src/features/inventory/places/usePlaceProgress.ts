import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc';
import { usePlace } from './usePlace';

/** A progress figure as the bar shows it. */
export interface Progress {
  counted: number;
  total: number;
  /** 0–100, one decimal. */
  percent: number;
}

/** The figure for the place being counted: its list when it has one, else what was counted there. */
export function placeProgress(
  overall: { counted: number; total: number },
  place: { counted: number; listed: number; listed_counted: number } | undefined,
): Progress {
  const shown = !place
    ? overall
    : place.listed > 0
      ? { counted: place.listed_counted, total: place.listed }
      : { counted: place.counted, total: overall.total };
  const percent = shown.total === 0 ? 0 : Math.round((shown.counted / shown.total) * 1000) / 10;
  return { ...shown, percent };
}

/** The month's progress (overall and per place) and the place being counted, from the URL. */
export function usePlaceProgress(serviceId: string, month: string) {
  const trpc = useTRPC();
  const progress = useQuery(trpc.inventory.counts.progress.queryOptions({ service_id: serviceId, month }));
  const byLocation = progress.data?.by_location;
  const { locationId, setPlace, places } = usePlace(byLocation);
  const place = byLocation?.find((p) => p.location_id === locationId);
  const overall = { counted: progress.data?.counted ?? 0, total: progress.data?.total ?? 0 };
  return {
    progress,
    byLocation,
    overall,
    locationId,
    setPlace,
    places,
    place,
    shown: placeProgress(overall, place),
  };
}
