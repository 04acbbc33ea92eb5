/** The `causeway` command. */
import { Command, InvalidArgumentError, Option } from 'commander';
import { stringify } from 'yaml';
import { formatProblems } from '../config/index.js';
import { runCheck, runSchema } from './commands/check.js';
import { exportCommand } from './commands/export.js';
import { pkiCommand } from './commands/pki.js';
import { auditCommand } from './commands/audit.js';
import { secretCommand } from './commands/secret.js';
import { tokenCommand } from './commands/token.js';
import { userCommand } from './commands/user.js';
import { queryCommand } from './commands/query.js';
import { VERSION } from '../runtime/version.js';
import { demoConfig, runDemo } from './demo.js';
import { STANDARD_ENDPOINTS } from '../demo/protocol-sources.js';
import { loadChecked } from './config-io.js';
import { createLogger } from './logger.js';
import { runHub } from './run.js';

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
    if (o.printConfig) {
      process.stdout.write(stringify(demoConfig({ seed: o.seed, ...(o.simulated ? {} : { devices: STANDARD_ENDPOINTS }) })));
      return;
    }
    const logger = createLogger({ level: o.logLevel });
    process.exitCode = await runDemo({ dataDir: o.dataDir, seed: o.seed, port: o.port, logger, simulated: o.simulated === true });
  });

program
  .command('check')
  .description('check a config file and print every problem at once (file, line, key, what to do)')
  .argument('<file>', 'the hub config (YAML)')
  .action(async (file: string) => {
    process.exitCode = await runCheck(file, process.stdout);
  });

program
  .command('schema')
  .description('print the JSON Schema of the config (for editor completion, e.g. yaml-language-server)')
  .action(() => {
    process.exitCode = runSchema(process.stdout);
  });

program.addCommand(pkiCommand());
program.addCommand(userCommand());
program.addCommand(tokenCommand());
program.addCommand(auditCommand());
program.addCommand(secretCommand());
program.addCommand(queryCommand());
program.addCommand(exportCommand());

await program.parseAsync(process.argv);
