// Saves generated content as a file, without a server round trip.
import type { ExportFile } from './export-files';

/** Saves a file the browser way: a link we made ourselves to a Blob, clicked once, then released. */
export function download(file: ExportFile) {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
