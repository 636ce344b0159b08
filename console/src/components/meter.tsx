/** A labelled bar: `value` of `max`, with the numbers written out. */
export function Meter(props: { label: string; value: number; max: number; text: string; testId?: string }) {
  const fraction = props.max > 0 ? Math.min(1, Math.max(0, props.value / props.max)) : 0;
  return (
    <div class="meter" data-testid={props.testId}>
      <div class="meter-label">
        <span>{props.label}</span>
        <span>{props.text}</span>
      </div>
      <div class="meter-track" role="meter" aria-valuemin={0} aria-valuemax={props.max} aria-valuenow={props.value} aria-label={props.label}>
        <div class={`meter-fill${fraction >= 1 ? " full" : ""}`} style={{ width: `${fraction * 100}%` }} />
      </div>
    </div>
  );
}
