// Validates an AsyncAPI document with @asyncapi/parser (installed by api-lint.sh) and prints
// {"diagnostics": [{severity, code, message, path}]}; severity 0 is an error, 1 a warning, 2 information, 3 a hint.
const { createRequire } = require('module');
const path = require('path');
const tools = createRequire(path.join(process.env.DUBAN_API_LINT_TOOLS, 'node_modules', '.'));
const { Parser, fromFile } = tools('@asyncapi/parser');

(async () => {
  const { diagnostics } = await fromFile(new Parser(), process.argv[2]).parse();
  const report = diagnostics.map(d => ({ severity: d.severity, code: String(d.code), message: d.message,
    path: d.path.join('.') }));
  console.log(JSON.stringify({ diagnostics: report }));
  process.exit(report.some(d => d.severity === 0) ? 1 : 0);
})().catch(e => { console.error(e); process.exit(2); });
