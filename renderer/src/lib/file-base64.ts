/** The bridge carries a picked file as base64 (the contract's `data`); main decodes and checks it. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

export function readFileAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      // A data URL is "data:<type>;base64,<payload>"; the type may be empty for unknown extensions.
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}
