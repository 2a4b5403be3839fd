'use strict';
// plotly.js with only the trace types multipolar draws: scatter (always in core), bar (membership timelines) and
// heatmap (China's lead by state and dimension).
var Plotly = require('plotly.js/lib/core');

Plotly.register([
    require('plotly.js/lib/bar'),
    require('plotly.js/lib/heatmap'),
]);

module.exports = Plotly;
