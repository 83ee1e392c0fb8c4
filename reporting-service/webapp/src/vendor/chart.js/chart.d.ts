// Types of the vendored chart.js@4.6.1.
export * from 'chart.js';
