/** Test page: the app's VirtualList with 100,000 allocation rows, as the Table screen uses it. */
import { createRoot } from 'react-dom/client';
import { VirtualList } from '../../src/app/components/ui/VirtualList';

export const ROWS = 100_000;
const ROW_HEIGHT = 32;

createRoot(document.getElementById('root')!).render(
  <VirtualList
    count={ROWS}
    rowHeight={ROW_HEIGHT}
    height={480}
    label="Allocation table"
    renderRow={(i) => (
      <div role="row" key={i} className="vlist-row" style={{ height: ROW_HEIGHT }}>
        <span role="cell">{`user-${i}`}</span> <span role="cell">{(i * 7919) % 1_000_003}</span>
      </div>
    )}
  />,
);
