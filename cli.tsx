#!/usr/bin/env -S node --max-old-space-size=128 --max-semi-space-size=2 --v8-pool-size=1
// The heap flags above keep memory flat under a log flood (about 100 MB instead of growing past 170 MB):
// V8 otherwise lets short-lived line garbage pile up before it collects. --v8-pool-size=1: one V8 helper
// thread instead of four (their stacks and malloc arenas); idle RSS with 100 containers, mean of 5-second
// samples over two minutes, 80.9 -> 76.8-78.8 MB. (--optimize-for-size saved 2-3 MB more, but its extra
// collections made a page of new rows slower to draw: PgDn p95 29-31 -> 41-49 ms on 1,000 containers.)
// Entry: flags, the engine connection, and render. Ink and dockerode are imported only after the first
// requests are on their way, so the engine answers while the UI code loads.
// First: a signal during start-up ends dockpit quietly (see early-signals.ts).
import {releaseStartupSignals} from './source/app/early-signals.js';
import meow from 'meow';
import pkg from './package.json' with {type: 'json'};
import {selectEngines, EndpointError, type NamedSelection} from './source/docker/connect/endpoint.js';
import {loadSettings, type Settings} from './source/session/settings.js';
import {ConfigError} from './source/state/settings/config.js';
import {argvForColorLibraries, checkLogLines, configReport, missingValues} from './source/state/settings/command-line.js';
import {parseFilters, FilterError, type Filters} from './source/docker/filters.js';
import {contactEngine, engineVersionLine, type ContactResult} from './source/docker/connect/first-contact.js';
import {explainUnreachable, rejectedFilter} from './source/docker/connect/explain.js';
import {onTerminalGone, terminalGoneExit} from './source/app/terminal-gone.js';
import {markStartup} from './source/app/startup-trace.js';

markStartup('entry');

// Output piped into a reader that stopped (dockpit --version | head -c 1) ends dockpit quietly; the
// dashboard takes this over with its own handler.
const stopWatchingOutput = onTerminalGone(
	[process.stdout, process.stderr],
	() => process.exit(terminalGoneExit),
	(error) => {
		throw error;
	},
);

// Library warnings (ssh2's DEP0170 among them) would be printed over the dashboard.
process.noDeprecation = true;

// A CI variable makes Ink draw only a final frame and turns colours off; an interactive terminal is
// never a CI log, so forget it before Ink and chalk load (they read it once, at import).
if (process.stdout.isTTY) {
	delete process.env['CI'];
	delete process.env['CONTINUOUS_INTEGRATION'];
}

const cli = meow(
	`
	Usage
	  $ dockpit [options]

	Options
	  -H, --host <address>   Engine to use: unix:///path, tcp://host:port or ssh://user@host[:port]
	                         (default: $DOCKER_HOST, $DOCKER_CONTEXT, the docker CLI's current
	                         context, else unix:///var/run/docker.sock); repeatable
	  -c, --context <name>   Use a docker context (docker context ls); c inside dockpit switches.
	                         Several --host/--context: every engine in one list, with an ENGINE column
	  -i, --identity <file>  Private key for ssh:// engines (default: IdentityFile in ~/.ssh/config,
	                         besides the agent at $SSH_AUTH_SOCK)
	  --read-only            Refuse every action that changes something; viewing still works
	  --no-color             No colours at all (also NO_COLOR=1)
	  --ascii                ASCII borders and marks (automatic when the locale is not UTF-8)
	  --print-config         Show the effective settings and where each came from, then exit
	  -f, --filter <k=v>     Show only what matches a docker filter, e.g. label=team=web or name=api;
	                         repeatable. Every pane and action is scoped to it.
	  --log-lines <n>        Lines the logs pane keeps in memory (default 10000); older ones drop off
	  -h, --help             Show this help
	  -v, --version          Show the version, and the engine's when it answers

	Configuration
	  $XDG_CONFIG_HOME/dockpit/config.json (default ~/.config/dockpit/config.json); see README.

	Exit codes
	  0 after quitting, 1 when the engine cannot be reached or on an error, 2 for bad usage,
	  129 when the terminal hangs up or goes away

	Keys
	  ? shows every key inside dockpit; q quits.

	Examples
	  $ dockpit
	  $ dockpit -H ssh://me@build-box
	  $ dockpit --context staging --context production
	  $ dockpit --filter label=com.docker.compose.project=shop
`,
	{
		importMeta: import.meta,
		pkg,
		// --version also asks the engine, below.
		autoVersion: false,
		// An unknown flag is bad usage (exit 2), not something to ignore silently.
		allowUnknownFlags: false,
		flags: {
			host: {type: 'string', shortFlag: 'H', isMultiple: true},
			filter: {type: 'string', shortFlag: 'f', isMultiple: true},
			context: {type: 'string', shortFlag: 'c', isMultiple: true},
			identity: {type: 'string', shortFlag: 'i'},
			readOnly: {type: 'boolean', default: false},
			color: {type: 'boolean', default: true},
			ascii: {type: 'boolean', default: false},
			printConfig: {type: 'boolean', default: false},
			help: {type: 'boolean', shortFlag: 'h', default: false},
			version: {type: 'boolean', shortFlag: 'v', default: false},
			// A string, checked by checkLogLines: meow's number type turns "abc" into NaN.
			logLines: {type: 'string'},
		},
	},
);

function usageError(message: string): never {
	process.stderr.write(`dockpit: ${message}\nRun dockpit --help for usage.\n`);
	process.exit(2);
}

// meow answers --help by itself only when it is the one argument; -h, or --help beside other flags, lands here.
if (cli.flags.help) cli.showHelp(0);

let engines: NamedSelection[];
let scope: Filters;
let settings: Settings;
let logLines: number | undefined;
const valueless = missingValues(cli.flags, ['host', 'context', 'identity', 'logLines'], process.argv.slice(2), {
	host: 'H',
	context: 'c',
	identity: 'i',
});
if (valueless) usageError(valueless);
try {
	settings = loadSettings({readOnly: cli.flags.readOnly, color: cli.flags.color, ascii: cli.flags.ascii});
	engines = selectEngines({
		hosts: cli.flags.host,
		contexts: cli.flags.context,
		configContexts: settings.config.contexts,
		identity: cli.flags.identity,
	});
	scope = parseFilters(cli.flags.filter ?? []);
	logLines = checkLogLines(cli.flags.logLines);
} catch (error) {
	if (error instanceof EndpointError || error instanceof FilterError || error instanceof ConfigError) {
		usageError(error.message);
	}

	throw error;
}

// One async function rather than top-level await, so the same entry also bundles as the CommonJS script a
// single executable needs (scripts/build-sea.mjs); the ESM build behaves the same.
async function main(): Promise<never> {
	const [engine] = engines as [NamedSelection, ...NamedSelection[]];
	const {endpoint} = engine;
	process.argv = argvForColorLibraries(process.argv);
	if (cli.flags.version) {
		process.stdout.write(`dockpit ${pkg.version}\n`);
		for (const line of await Promise.all(engines.map(async (each) => engineVersionLine(each.endpoint)))) {
			process.stdout.write(`${line}\n`);
		}

		process.exit(0);
	}

	if (cli.flags.printConfig) {
		const choices = engines.map((each) => ({url: each.endpoint.url, context: each.context, source: each.source}));
		process.stdout.write(`${configReport(settings, choices.length === 1 ? choices[0]! : choices)}\n`);
		process.exit(0);
	}

	// Several engines are asked at once; the dashboard starts with those that answered.
	const contacts = Promise.all(engines.map(async (each) => contactEngine(each.endpoint, scope)));
	const contact = contacts.then((answers) => {
		markStartup('answer');
		return answers.find((answer) => answer.ok) ?? answers[0]!;
	});
	markStartup('request sent');
	// Ink's layout engine (yoga, WebAssembly) loads its embedded binary through fetch() when there is one:
	// that loads Node's whole fetch implementation (undici) and a data: URL round trip on the way to the
	// first frame. Without fetch it decodes the same bytes directly. dockpit never uses fetch.
	const fetchProperty = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
	Object.defineProperty(globalThis, 'fetch', {value: undefined, configurable: true, writable: true});
	const ui = import('./source/app/run.js').finally(() => {
		if (fetchProperty) Object.defineProperty(globalThis, 'fetch', fetchProperty);
	});
	const [{runDashboard}, result] = await Promise.all([
		ui.then((loaded) => {
			markStartup('ui loaded');
			return loaded;
		}),
		contact,
	]);
	const answers: ContactResult[] = await contacts;
	if (!result.ok) {
		const badFilter = rejectedFilter(result.error, scope);
		if (badFilter) usageError(badFilter);
		for (const [index, answer] of answers.entries()) {
			if (!answer.ok) process.stderr.write(`${explainUnreachable(engines[index]!.endpoint, answer.error)}\n`);
		}

		process.exit(1);
	}

	// With several engines the first may be down: the dashboard's header and panes start from the first that answered.
	const several =
		engines.length > 1
			? engines.map((each, index) => {
					const answer = answers[index]!;
					return answer.ok
						? {name: each.name, endpoint: each.endpoint, ...answer.start}
						: {name: each.name, endpoint: each.endpoint, error: answer.error.message};
				})
			: undefined;

	stopWatchingOutput();
	releaseStartupSignals();
	const exitCode = await runDashboard({
		endpoint,
		context: engine.context,
		identity: cli.flags.identity,
		scope,
		scopeText: cli.flags.filter ?? [],
		...(several ? {version: answers[0]!.ok ? answers[0]!.start.version : undefined} : result.start),
		engines: several,
		keys: settings.keys,
		config: settings.config,
		output: settings.output,
		logLines,
	});
	// Exit now rather than when the event loop drains: a stray handle (an engine socket, stdin still
	// referenced) must not keep a quit dockpit alive on a blank screen.
	process.exit(exitCode);
}

main().catch((error: unknown) => {
	// Reached only by a fault before the dashboard takes over (it has its own crash handling): one line, no stack.
	process.stderr.write(`dockpit: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
