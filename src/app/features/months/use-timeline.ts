/** The months timeline for a page: loaded once per settings by whichever page needs it first. */
import { useEffect } from 'react';
import type { MonthListing } from '../../worker/api';
import { useSettingsStore } from '../settings/settings-store';
import { loadTimeline, useMonthsStore, type Timeline } from './months-store';

export function useTimeline(): Timeline {
  const settings = useSettingsStore((s) => s.settings);
  const timeline = useMonthsStore((s) => s.timeline);
  useEffect(() => {
    if (useMonthsStore.getState().timeline.status === 'idle') void loadTimeline(settings);
  }, [settings]);
  return timeline;
}

const NO_MONTHS: MonthListing[] = [];

/** The listed months, or none while the timeline is not loaded. */
export function listedMonths(timeline: Timeline): MonthListing[] {
  return timeline.status === 'ok' ? timeline.months : NO_MONTHS;
}
