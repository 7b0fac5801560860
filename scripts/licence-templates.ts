/**
 * The standard text of a licence, for a package that names it in package.json and ships no licence
 * file of its own (five of the app's bundled packages: css-render and two of its packages, vdirs,
 * tiny-case, all MIT). The MIT licence asks for its copyright notice and permission notice to be
 * included with copies of the code; with no file to copy, the notice is its standard text with the
 * author the package names as the holder. Only licences with such a place for the holder are here.
 */

/** The MIT licence's text as the Open Source Initiative and SPDX give it (https://spdx.org/licenses/MIT.html). */
const MIT = `MIT License

Copyright (c) {holder}

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.`;

const TEMPLATES: Record<string, string> = { MIT };

/** The holder a package.json names: its author (a string or `{ name }`), else its contributors. */
export function holderOf(pkg: { name?: string; author?: unknown; contributors?: unknown }): string {
  const person = (p: unknown): string => {
    if (typeof p === 'string') return p.replace(/\s*[<(].*$/, '').trim();
    if (p && typeof p === 'object' && 'name' in p && typeof p.name === 'string') return p.name.trim();
    return '';
  };
  const author = person(pkg.author);
  if (author) return author;
  const people = Array.isArray(pkg.contributors) ? pkg.contributors.map(person).filter(Boolean) : [];
  return people.length ? people.join(', ') : `the authors of ${pkg.name ?? 'this package'}`;
}

/** The standard text of `license` with `holder` filled in, or null where there is none here. */
export function standardLicenceText(license: string, holder: string): string | null {
  const template = TEMPLATES[license];
  return template ? template.replace('{holder}', holder) : null;
}
