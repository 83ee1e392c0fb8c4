/*
 * Small SVG charts for the dashboard: no library, no inline script or style (the page's CSP forbids both),
 * colours come from classes in app.css.
 */
(function () {
    'use strict';
    const NS = 'http://www.w3.org/2000/svg';

    function el(name, attrs, text) {
        const node = document.createElementNS(NS, name);
        Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, String(v)));
        if (text !== undefined) {
            node.textContent = text;
        }
        return node;
    }

    function svg(width, height, label) {
        return el('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label });
    }

    function title(node, text) {
        node.appendChild(el('title', {}, text));
        return node;
    }

    /** Spend and revenue side by side per row, with the ROI written at the end of each pair. */
    function roiBars(rows, fmt) {
        const width = 900;
        const labelWidth = 220;
        const rowHeight = 34;
        const height = Math.max(60, rows.length * rowHeight + 30);
        const chart = svg(width, height, 'Spend and revenue per row');
        const max = Math.max(1, ...rows.flatMap(r => [r.spend, r.revenue]));
        const scale = (width - labelWidth - 120) / max;
        rows.forEach((r, i) => {
            const y = 10 + i * rowHeight;
            chart.appendChild(el('text', { x: 0, y: y + 15 }, r.label.length > 30 ? r.label.slice(0, 29) + '…' : r.label));
            chart.appendChild(title(el('rect', { x: labelWidth, y, width: Math.max(1, r.spend * scale), height: 11,
                class: 'bar-spend' }), `Spend ${fmt.money(r.spend)}`));
            chart.appendChild(title(el('rect', { x: labelWidth, y: y + 13, width: Math.max(1, r.revenue * scale),
                height: 11, class: 'bar-revenue' }), `Revenue ${fmt.money(r.revenue)}`));
            const end = labelWidth + Math.max(r.spend, r.revenue) * scale + 8;
            chart.appendChild(el('text', { x: end, y: y + 18, class: r.roi == null ? '' : (r.roi >= 0 ? 'positive' : 'negative') },
                r.roi == null ? 'ROI n/a' : `ROI ${fmt.percent(r.roi)}`));
        });
        return chart;
    }

    /**
     * Funnel stages as shrinking bars, in people (who got at least this far), the drop-off between two stages
     * written in red between them.
     */
    function funnel(stages, fmt) {
        const width = 900;
        const barHeight = 36;
        const gap = 26;
        const height = stages.length * (barHeight + gap) + 10;
        const chart = svg(width, height, 'Funnel in people, with drop-off');
        const max = Math.max(1, ...stages.map(s => s.count));
        const usable = width - 260;
        stages.forEach((s, i) => {
            const y = 5 + i * (barHeight + gap);
            const w = Math.max(2, (s.count / max) * usable);
            const x = 130 + (usable - w) / 2;
            chart.appendChild(el('text', { x: 0, y: y + barHeight / 2 + 4 }, s.name));
            chart.appendChild(title(el('rect', { x, y, width: w, height: barHeight, rx: 4, class: 'bar-funnel' }),
                `${s.name}: ${fmt.integer(s.count)} people`));
            chart.appendChild(el('text', { x: 130 + usable + 10, y: y + barHeight / 2 + 4 },
                `${fmt.integer(s.count)} people` + (i > 0 && s.rate != null ? `  (${fmt.percent(s.rate)} of previous)` : '')));
            if (i > 0 && s.dropOff != null) {
                chart.appendChild(el('text', { x: 130 + usable / 2, y: y - 8, 'text-anchor': 'middle', class: 'drop' },
                    `▼ ${fmt.percent(s.dropOff)} drop-off`));
            }
        });
        return chart;
    }

    /** One dot per post: engagement rate across, revenue up; the verdict colours the dot. */
    function scatter(points, thresholds, fmt) {
        const width = 900;
        const height = 380;
        const left = 80;
        const bottom = 40;
        const chart = svg(width, height, 'Engagement rate versus revenue per post');
        const maxX = Math.max(0.01, ...points.map(p => p.x), thresholds.x || 0) * 1.1;
        const maxY = Math.max(1, ...points.map(p => p.y), thresholds.y || 0) * 1.1;
        const sx = v => left + (v / maxX) * (width - left - 20);
        const sy = v => height - bottom - (v / maxY) * (height - bottom - 20);
        chart.appendChild(el('line', { x1: left, y1: height - bottom, x2: width - 10, y2: height - bottom, class: 'axis' }));
        chart.appendChild(el('line', { x1: left, y1: 10, x2: left, y2: height - bottom, class: 'axis' }));
        for (let i = 0; i <= 4; i++) {
            const vx = (maxX / 4) * i;
            const vy = (maxY / 4) * i;
            chart.appendChild(el('text', { x: sx(vx), y: height - bottom + 16, 'text-anchor': 'middle' }, fmt.percent(vx)));
            chart.appendChild(el('text', { x: left - 6, y: sy(vy) + 4, 'text-anchor': 'end' }, fmt.moneyShort(vy)));
        }
        chart.appendChild(el('text', { x: width / 2, y: height - 4, 'text-anchor': 'middle' }, 'Engagement rate'));
        chart.appendChild(el('text', { x: 12, y: 14 }, 'Revenue'));
        if (thresholds.x != null) {
            chart.appendChild(el('line', { x1: sx(thresholds.x), y1: 10, x2: sx(thresholds.x), y2: height - bottom,
                class: 'threshold' }));
        }
        if (thresholds.y != null) {
            chart.appendChild(el('line', { x1: left, y1: sy(thresholds.y), x2: width - 10, y2: sy(thresholds.y),
                class: 'threshold' }));
        }
        points.forEach(p => {
            const r = 5 + Math.min(10, Math.sqrt(p.engagements || 0) / 3);
            chart.appendChild(title(el('circle', { cx: sx(p.x), cy: sy(p.y), r, class: `verdict-${p.verdict}` }),
                `${p.label}: ${fmt.percent(p.x)} real engagement`
                + (p.flagged ? ` (+ ${fmt.integer(p.flagged)} flagged not counted)` : '')
                + `, ${fmt.money(p.y)} revenue, ${p.verdict}`));
        });
        return chart;
    }

    window.SuiteCharts = { roiBars, funnel, scatter };
}());
