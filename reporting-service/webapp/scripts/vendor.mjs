/**
 * Copies the chart library's ES module build from node_modules (the version package-lock.json pins) into
 * src/vendor/, which Maven serves with the rest of src at /app/vendor/. The browser cannot resolve bare
 * specifiers without an import map (an inline script, which the page's CSP forbids), so the one bare import
 * ('@kurkle/color', Chart.js's colour helper, also pinned) is rewritten to the vendored copy's relative path.
 *
 *   node scripts/vendor.mjs          writes src/vendor/
 *   node scripts/vendor.mjs --check  fails when src/vendor/ differs from what node_modules would give
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const modules = join(ROOT, 'node_modules');

/** @returns {Array<{target: string, text: string}>} the vendored files and their content. */
export function vendored() {
    const chart = JSON.parse(readFileSync(join(modules, 'chart.js/package.json'), 'utf8'));
    const color = JSON.parse(readFileSync(join(modules, '@kurkle/color/package.json'), 'utf8'));
    const strip = (/** @type {string} */ text) => text.replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');
    const read = (/** @type {string} */ path) => strip(readFileSync(join(modules, path), 'utf8'));
    const banner = (/** @type {string} */ name, /** @type {string} */ version) =>
        `// Vendored by scripts/vendor.mjs from the npm package ${name}@${version} (MIT); do not edit.\n`;
    return [
        { target: 'chart.js/chart.js', text: banner('chart.js', chart.version)
            + read('chart.js/dist/chart.js').replace("import '@kurkle/color';", "import '../kurkle-color/color.esm.js';") },
        { target: 'chart.js/chunks/index.js', text: banner('chart.js', chart.version)
            + read('chart.js/dist/chunks/index.js')
                .replace("from '@kurkle/color';", "from '../../kurkle-color/color.esm.js';") },
        { target: 'chart.js/LICENSE.md', text: readFileSync(join(modules, 'chart.js/LICENSE.md'), 'utf8') },
        { target: 'kurkle-color/color.esm.js', text: banner('@kurkle/color', color.version)
            + read('@kurkle/color/dist/color.esm.js') },
        { target: 'kurkle-color/LICENSE.md', text: readFileSync(join(modules, '@kurkle/color/LICENSE.md'), 'utf8') },
        // The type checker reads the package's own types for the vendored module.
        { target: 'chart.js/chart.d.ts', text: `// Types of the vendored chart.js@${chart.version}.\nexport * from 'chart.js';\n` }
    ];
}

/** @returns {string[]} the vendored files that differ from node_modules (empty when up to date). */
export function stale() {
    return vendored().filter(f => {
        const path = join(ROOT, 'src/vendor', f.target);
        return !existsSync(path) || readFileSync(path, 'utf8') !== f.text;
    }).map(f => f.target);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    if (process.argv.includes('--check')) {
        const differing = stale();
        if (differing.length) {
            console.error(`src/vendor is not what node_modules gives: ${differing.join(', ')}; run npm run vendor`);
            process.exit(1);
        }
    } else {
        for (const f of vendored()) {
            const path = join(ROOT, 'src/vendor', f.target);
            mkdirSync(dirname(path), { recursive: true });
            writeFileSync(path, f.text);
        }
    }
}
