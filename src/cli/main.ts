/**
 * The `causeway` command. Start-up is kept light: only commander and the version are loaded here;
 * each command imports what it needs (node-opcua, DuckDB, Fastify, the hub runtime) when it runs,
 * so `causeway --version` and `--help` answer without loading the hub (see bench/startup/).
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { VERSION } from '../runtime/version.js';
import { LAZY_COMMANDS, loadCheckCommands } from './lazy-commands.js';


function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('a port is a whole number from 0 to 65535.');
  return n;
}

const portOption = () => new Option('-p, --port <port>', 'port of the HTTP API (0 picks a free one)').env('CAUSEWAY_PORT').argParser(port);
const dataDirOption = (fallback: string) => new Option('-d, --data-dir <dir>', 'where the historian and hub state are kept').env('CAUSEWAY_DATA_DIR').default(fallback);
const logLevelOption = () => new Option('--log-level <level>', 'log level').choices(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).env('CAUSEWAY_LOG_LEVEL').default('info');

// `causeway schema | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const program = new Command('causeway')
  .description('Causeway — the IT/OT integration hub: collect every machine value once, model it, store it, share it safely.')
  .version(VERSION);

program
  .command('start')
  .description('run a hub from a config file')
  .requiredOption('-c, --config <file>', 'the hub config (YAML)')
  .addOption(portOption())
  .addOption(dataDirOption('./.causeway/data'))
  .addOption(logLevelOption())
  .action(async (o: { config: string; port?: number; dataDir: string; logLevel: string }) => {
    const [{ createLogger }, { loadChecked }, { formatProblems }, { runHub }] = await Promise.all([import('./logger.js'), import('./config-io.js'), import('../config/index.js'), import('./run.js')]);
    const logger = createLogger({ level: o.logLevel });
    const { config, problems } = await loadChecked(o.config);
    if (!config) {
      process.stderr.write(`${formatProblems(problems)}\n\nThe hub did not start: fix the problems above (\`causeway check ${o.config}\` lists them again).\n`);
      process.exitCode = 1;
      return;
    }
    process.exitCode = await runHub({ config, dataDir: o.dataDir, logger, ...(o.port !== undefined ? { port: o.port } : {}) });
  });

program
  .command('demo')
  .description('run the demo plant: Acme Beverages, Springfield — two packaging lines, a compressor and an energy meter, as simulated devices speaking OPC UA, Modbus TCP, Sparkplug B and HTTP')
  .addOption(portOption().default(8080))
  .addOption(dataDirOption('./.causeway/demo'))
  .addOption(logLevelOption())
  .option('--seed <n>', 'simulation seed (same seed, same plant)', (v) => Number.parseInt(v, 10), 42)
  .option('--simulated', 'run the machines inside the hub instead of as device processes (for machines where sockets or child processes are restricted)')
  .option('--print-config', 'print the demo config as YAML (a starting point for your own) and exit; device endpoints on the standard ports, secrets as ${ENV} references')
  .action(async (o: { port: number; dataDir: string; logLevel: string; seed: number; simulated?: boolean; printConfig?: boolean }) => {
    const { demoConfig, runDemo } = await import('./demo.js');
    if (o.printConfig) {
      const [{ stringify }, { STANDARD_ENDPOINTS }] = await Promise.all([import('yaml'), import('../demo/protocol-sources.js')]);
      process.stdout.write(stringify(demoConfig({ seed: o.seed, ...(o.simulated ? {} : { devices: STANDARD_ENDPOINTS }) })));
      return;
    }
    const { createLogger } = await import('./logger.js');
    const logger = createLogger({ level: o.logLevel });
    process.exitCode = await runDemo({ dataDir: o.dataDir, seed: o.seed, port: o.port, logger, simulated: o.simulated === true });
  });

program
  .command('check')
  .description('check a config file and print every problem at once (file, line, key, what to do)')
  .argument('<file>', 'the hub config (YAML)')
  .action(async (file: string) => {
    const { runCheck } = await loadCheckCommands();
    process.exitCode = await runCheck(file, process.stdout);
  });

program
  .command('schema')
  .description('print the JSON Schema of the config (for editor completion, e.g. yaml-language-server)')
  .action(async () => {
    const { runSchema } = await loadCheckCommands();
    process.exitCode = runSchema(process.stdout);
  });

// A lazy command is loaded only when it runs (or its own help is asked for); otherwise a stand-in
// with its name and description keeps it in the overview of `causeway --help`.
const args = process.argv.slice(2);
const named = args[0] === 'help' ? args[1] : args[0];
for (const lazy of LAZY_COMMANDS) {
  if (lazy.name === named) program.addCommand(await lazy.load());
  else program.command(lazy.name).description(lazy.description);
}

await program.parseAsync(process.argv);
