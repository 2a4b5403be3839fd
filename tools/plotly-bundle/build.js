// Build the partial plotly.js bundle the multipolar report inlines and the dashboard serves: plotly.js's own
// esbuild settings (esbuild-config.js of plotly.js 4.1.1), minified, only the traces in index-multipolar.js.
// Usage (from this folder): npm ci && node build.js   (writes ../../src/multipolar/report/assets/)
'use strict';
const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');
const { environmentPlugin } = require('esbuild-plugin-environment');
const { glsl } = require('esbuild-plugin-glsl');
const InlineCSSPlugin = require('esbuild-plugin-inline-css');

const version = require('plotly.js/package.json').version;
const assets = path.resolve(__dirname, '..', '..', 'src', 'multipolar', 'report', 'assets');
const out = path.join(assets, 'plotly-multipolar.min.js');
const banner = `/*! plotly.js v${version} partial bundle for multipolar (traces: scatter, bar, heatmap), built by ` +
    `tools/plotly-bundle/build.js | Copyright (c) 2016-2024 Plotly Technologies Inc. | MIT License (plotly-LICENSE.txt) */`;

esbuild.build({
    entryPoints: [path.join(__dirname, 'index-multipolar.js')],
    outfile: out,
    format: 'iife',
    globalName: 'Plotly',
    bundle: true,
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    banner: { js: banner },
    plugins: [InlineCSSPlugin(), glsl({ minify: true }), environmentPlugin({ NODE_DEBUG: false })],
    alias: { regl: '@plotly/regl', stream: 'stream-browserify' },
    define: { global: 'window', 'define.amd': 'false' },
    target: 'es2016',
    logLevel: 'info',
}).then(() => {
    fs.copyFileSync(require.resolve('plotly.js/LICENSE'), path.join(assets, 'plotly-LICENSE.txt'));
}).catch(() => process.exit(1));
