// The time axis's labels, shared by every chart over a window: hours for two days or less, else
// dates, in the viewer's chosen time zone.
export function tickFormatter(span: number, timeZone?: string) {
  const options: Intl.DateTimeFormatOptions =
    span <= 2 * 86_400_000
      ? { hour: '2-digit', minute: '2-digit', timeZone }
      : { month: 'short', day: 'numeric', timeZone };
  const format = new Intl.DateTimeFormat(undefined, options);
  return (value: number) => format.format(new Date(value));
}
