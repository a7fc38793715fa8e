/** A live timer (updates ~10×/s while running) or a fixed duration. */
import { useEffect, useState } from 'react';
import { formatMs } from '../../lib/format';

export function Elapsed({ since, ms }: { since?: number; ms?: number }) {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (ms !== undefined || since === undefined) return;
    const id = setInterval(() => setNow(performance.now()), 100);
    return () => clearInterval(id);
  }, [ms, since]);
  const value = ms ?? (since !== undefined ? now - since : 0);
  return <span className="timer">{formatMs(value)}</span>;
}
