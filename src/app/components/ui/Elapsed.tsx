/** A live timer (redrawn ~10×/s while running, never below zero) or a fixed duration. */
import { useEffect, useReducer } from 'react';
import { formatMs } from '../../lib/format';

export function Elapsed({ since, ms }: { since?: number; ms?: number }) {
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (ms !== undefined || since === undefined) return;
    const id = setInterval(redraw, 100);
    return () => clearInterval(id);
  }, [ms, since]);
  // Read the clock while rendering, so a timer that starts (or restarts) shows 0, not a stale difference.
  const value = ms ?? (since !== undefined ? performance.now() - since : 0);
  return <span className="timer">{formatMs(Math.max(0, value))}</span>;
}
