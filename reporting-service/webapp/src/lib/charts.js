/**
 * Charts drawn by Chart.js (vendored in src/vendor, pinned in package.json), made readable by a person: axes
 * with titles and units, a legend, a tooltip with the exact value (an HTML element, so it is read aloud and
 * the page can show it), keyboard use (Tab to the chart, arrows to move between values, Escape to close), and
 * the figures in a table beside every chart for anyone who cannot see the picture.
 */
import {
    BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip
} from '../vendor/chart.js/chart.js';
import { h } from './dom.js';
import { step, tooltipText } from './reportdata.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
Chart.defaults.color = '#1d2433';
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
Chart.defaults.animation = false;

/** Series colours with at least 3:1 contrast on white (non-text contrast), told apart by the legend too. */
export const COLOURS = ['#2f4fc9', '#b54708', '#146c3c', '#6941c6', '#c01048'];

let charts = 0;

/**
 * A bar chart with its tooltip and keyboard handling.
 * @param {{labels: string[], series: Array<{name: string, values: number[]}>}} data
 * @param {{title: string, valueAxis: string, categoryAxis: string, format: (v: number) => string,
 *   tick?: (v: number) => string, horizontal?: boolean, description: string}} options
 * @returns {HTMLElement} the figure (canvas, tooltip, caption)
 */
export function barChart(data, options) {
    const id = `chart-${++charts}`;
    const canvas = /** @type {HTMLCanvasElement} */ (h('canvas', { role: 'img', tabIndex: 0,
        'aria-label': `${options.title}. ${options.description} Use the arrow keys to read each value.` }));
    const tip = h('div', { class: 'chart-tip', role: 'status', 'aria-live': 'polite', id: `${id}-tip`, hidden: true });
    const rows = data.labels.length;
    const box = h('div', { class: 'chart-box' }, canvas, tip);
    // Horizontal bars: the height grows with the rows, so every label stays readable.
    // (set through the CSS object model, which the page's CSP allows, unlike style attributes)
    box.style.height = options.horizontal ? `${Math.min(900, 90 + rows * data.series.length * 22)}px` : '320px';
    const figure = h('figure', { class: 'chart', id, 'data-chart': options.title }, box,
        h('figcaption', { class: 'hint' }, options.description));
    const indexAxis = options.horizontal ? 'y' : 'x';
    const valueAxis = options.horizontal ? 'x' : 'y';
    const shorten = (/** @type {string} */ label) => (label.length > 28 ? `${label.slice(0, 27)}…` : label);
    /** @type {{series: number, index: number} | null} */
    let at = null;

    /** @param {{series: number, index: number}} point @param {number} x @param {number} y */
    const show = (point, x, y) => {
        const text = tooltipText(data, point.series, point.index, options.format);
        tip.replaceChildren(h('strong', {}, text.title), h('br'), text.line);
        tip.dataset.series = String(point.series);
        tip.dataset.index = String(point.index);
        tip.hidden = false;
        const width = box.clientWidth;
        tip.style.left = `${Math.max(0, Math.min(x + 8, width - 200))}px`;
        tip.style.top = `${Math.max(0, y - 10)}px`;
    };

    const chart = new Chart(canvas, {
        type: 'bar',
        data: {
            labels: data.labels,
            datasets: data.series.map((s, i) => ({ label: s.name, data: s.values, backgroundColor: COLOURS[i % COLOURS.length],
                borderColor: COLOURS[i % COLOURS.length], borderWidth: 1 }))
        },
        options: {
            indexAxis,
            responsive: true,
            maintainAspectRatio: false,
            interaction: { mode: 'nearest', intersect: true, axis: indexAxis },
            scales: {
                [valueAxis]: { beginAtZero: true, title: { display: true, text: options.valueAxis },
                    ticks: { callback: value => (options.tick || options.format)(Number(value)) },
                    grid: { color: '#d0d5dd' } },
                [indexAxis]: { title: { display: true, text: options.categoryAxis },
                    ticks: { callback(value) { return shorten(String(this.getLabelForValue(Number(value)))); } },
                    grid: { display: false } }
            },
            plugins: {
                legend: { display: true, position: 'top', labels: { boxWidth: 14 } },
                tooltip: {
                    enabled: false,
                    external: context => {
                        const t = context.tooltip;
                        if (t.opacity === 0 || !t.dataPoints || t.dataPoints.length === 0) {
                            tip.hidden = true;
                            return;
                        }
                        const p = t.dataPoints[0];
                        at = { series: p.datasetIndex, index: p.dataIndex };
                        show(at, t.caretX, t.caretY);
                    }
                }
            }
        }
    });

    /** @param {{series: number, index: number}} point */
    const activate = point => {
        at = point;
        const element = chart.getDatasetMeta(point.series).data[point.index];
        const active = [{ datasetIndex: point.series, index: point.index }];
        chart.setActiveElements(active);
        chart.tooltip?.setActiveElements(active, { x: element.x, y: element.y });
        chart.update();
        show(point, element.x, element.y);
    };
    canvas.addEventListener('keydown', event => {
        if (event.key === 'Escape') {
            chart.setActiveElements([]);
            chart.tooltip?.setActiveElements([], { x: 0, y: 0 });
            chart.update();
            tip.hidden = true;
            return;
        }
        const next = step(at, event.key, data.series.length, rows);
        if (next) {
            event.preventDefault();
            activate(next);
        }
    });
    canvas.addEventListener('focus', () => {
        if (rows > 0 && data.series.length > 0) {
            activate(at || { series: 0, index: 0 });
        }
    });
    canvas.addEventListener('blur', () => { tip.hidden = true; });
    return figure;
}
