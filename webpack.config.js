/**
 * Builds the task pane (loaded by Excel) and the browser demo.
 *   npm run build        production build to dist/
 *   npm run dev-server   https://localhost:3000 for Excel (certificates from office-addin-dev-certs)
 *   npm run demo         http://127.0.0.1:3000/demo.html, no Office needed
 *   --env bench          the pages of test/bench/pane.bench.ts instead of the demo: the pane over the
 *                        in-memory workbook (memory-pane.html) and a bare Fluent "hello" pane
 * Asset addresses are relative, so the built folder also opens from disk (dist/demo.html).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { BannerPlugin, Compilation } = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const MinimizerPlugin = require('minimizer-webpack-plugin');

const PORT = Number(process.env.npm_package_config_dev_server_port || 3000);
const CERT_DIR = path.join(os.homedir(), '.office-addin-dev-certs');

/** https options from office-addin-dev-certs, or null (then the server falls back to http with a warning). */
function devCertificates() {
  const cert = path.join(CERT_DIR, 'localhost.crt');
  const key = path.join(CERT_DIR, 'localhost.key');
  if (fs.existsSync(cert) && fs.existsSync(key)) {
    const ca = path.join(CERT_DIR, 'ca.crt');
    return { cert: fs.readFileSync(cert), key: fs.readFileSync(key), ...(fs.existsSync(ca) ? { ca: fs.readFileSync(ca) } : {}) };
  }
  console.warn(
    `\n⚠ Certificats de développement introuvables dans ${CERT_DIR} : le serveur démarre en http.\n` +
      '  Excel exige https pour charger le complément : lancez « npx office-addin-dev-certs install » puis relancez.\n',
  );
  return null;
}

function devServer(demo) {
  if (demo) {
    return {
      host: '127.0.0.1',
      port: PORT,
      server: 'http',
      open: false,
      static: false,
      devMiddleware: { index: 'demo.html' },
      client: { overlay: { warnings: false } },
    };
  }
  const certificates = devCertificates();
  return {
    host: 'localhost',
    port: PORT,
    server: certificates ? { type: 'https', options: certificates } : 'http',
    open: false,
    static: false,
    headers: { 'Access-Control-Allow-Origin': '*' },
    devMiddleware: { index: 'taskpane.html' },
  };
}

function page(name, template, chunk, options = {}) {
  return new HtmlWebpackPlugin({ filename: `${name}.html`, template, chunks: [chunk], scriptLoading: 'defer', ...options });
}

/**
 * What the style loader evaluates for `@fluentui/react-components` when it resolves makeStyles at
 * build time: only Fluent's theme package, which holds `tokens` and `typographyStyles` (the same
 * objects the library re-exports, so the same CSS). Evaluating the whole library cost about a second
 * per styled file. Styles may read only those two there (no `shorthands`: plain CSS properties).
 */
const FLUENT_STYLE_VALUES = require.resolve('@fluentui/react-theme', { paths: [path.dirname(require.resolve('@fluentui/react-components'))] });

/** `npm run demo`: one French line with the address once the first build is served, instead of webpack's statistics. */
class DemoAddress {
  apply(compiler) {
    let told = false;
    compiler.hooks.done.tap('DemoAddress', (stats) => {
      if (told || stats.hasErrors()) return;
      told = true;
      console.log(`Démonstration prête : ouvrez http://127.0.0.1:${PORT}/demo.html (Ctrl+C pour arrêter)`);
    });
  }
}

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const demo = Boolean(env.demo);
  const bench = Boolean(env.bench);
  return {
    mode: production ? 'production' : 'development',
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    target: 'web',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      // The benchmark needs no demo (the longest part of the build).
      ...(bench ? { 'memory-pane': './test/bench/memory-pane.tsx', hello: './test/bench/hello-pane.tsx' } : { demo: './src/demo/index.tsx' }),
    },
    output: {
      path: path.resolve(__dirname, env.outputPath || 'dist'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      publicPath: 'auto',
      // The CLI is compiled into dist/cli by tsc: keep it.
      clean: { keep: /^cli\// },
    },
    // Node's zlib speeds the CLI's reading of .xlsx parts; in the browser the reader uses fflate.
    resolve: { extensions: ['.tsx', '.ts', '.mjs', '.js'], fallback: { zlib: false } },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: [
            // makeStyles resolved at build time into class names and CSS rules (what Fluent's own
            // packages ship): the styles engine and the theme's token table stay out of the bundle.
            {
              loader: '@griffel/webpack-loader',
              options: {
                // Fluent re-exports no `__staticStyles`: makeStaticStyles (the demo page's) stays at run time.
                modules: [{ moduleSource: '@fluentui/react-components', importName: 'makeStyles', resetImportName: 'makeResetStyles', staticImportName: null }],
                babelOptions: { presets: ['@babel/preset-typescript'] },
                webpackResolveOptions: { alias: { '@fluentui/react-components$': FLUENT_STYLE_VALUES } },
              },
            },
            {
              loader: 'ts-loader',
              // Type checking is `npm run typecheck`; the bundle only needs the transpilation.
              options: { transpileOnly: true, compilerOptions: { noEmit: false, sourceMap: true } },
            },
          ],
        },
      ],
    },
    optimization: {
      // esbuild minifies the JavaScript in a second or two where terser (webpack's default) took over
      // half of the production build; the same syntax level as tsconfig's target. CSS and HTML keep
      // webpack's minimizers.
      minimizer: [new MinimizerPlugin({ test: /\.[cm]?js$/i, minify: MinimizerPlugin.esbuildMinify, minimizerOptions: { target: 'es2022' } }), '...'],
      minimizeOptions: { javascript: false },
    },
    // Native CSS support, for the data grid's stylesheet in the demo.
    experiments: { css: true },
    plugins: [
      page('taskpane', './src/taskpane/taskpane.html', 'taskpane', { officeJs: true }),
      ...(bench
        ? [page('memory-pane', './src/taskpane/taskpane.html', 'memory-pane'), page('hello', './test/bench/hello.html', 'hello')]
        : [page('demo', './src/demo/demo.html', 'demo')]),
      ...(demo && process.env.WEBPACK_SERVE ? [new DemoAddress()] : []),
      // Chromium (Edge WebView2 in Excel for Windows) compiles every function of a page's first chunk
      // while the file downloads, on another thread, instead of one by one on the main thread when
      // first called: what the first figures run is almost all of it. Added after minification (which
      // would drop the comment) and before the source maps are made (so their lines still match).
      new BannerPlugin({ banner: '//# allFunctionsCalledOnLoad', raw: true, entryOnly: true, test: /\.js$/, stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE + 1 }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets', noErrorOnMissing: true },
          { from: 'manifest.xml', to: 'manifest.xml', noErrorOnMissing: true },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: devServer(demo),
    infrastructureLogging: { level: 'warn' },
    ...(demo ? { stats: { all: false, errors: true, warnings: true } } : {}),
  };
};
