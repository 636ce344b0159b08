import { shortJson } from "../format.ts";

interface AdjustmentRow {
  readonly param: string;
  readonly from?: unknown;
  readonly to?: unknown;
  readonly reason: string;
}

/** What the gateway changed (or would change), from what to what, and why. */
export function Adjustments(props: { rows: readonly AdjustmentRow[]; testId?: string }) {
  if (props.rows.length === 0) return null;
  return (
    <table data-testid={props.testId}>
      <thead>
        <tr>
          <th>Parameter</th>
          <th>From</th>
          <th>To</th>
          <th>Why</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((a) => (
          <tr key={`${a.param}:${a.reason}`}>
            <td>{a.param}</td>
            <td>{shortJson(a.from)}</td>
            <td>{shortJson(a.to)}</td>
            <td>{a.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
