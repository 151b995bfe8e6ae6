#!/usr/bin/env node
// Entry: flags, the engine connection, and render. Ink and dockerode are imported only after the first
// requests are on their way, so the engine answers while the UI code loads.
import meow from 'meow';
import pkg from './package.json' with {type: 'json'};
import {resolveEndpoint, EndpointError, type Endpoint} from './source/docker/endpoint.js';
import {parseFilters, FilterError, filtersQuery, type Filters} from './source/docker/filters.js';
import {canUseRawHttp, getJson} from './source/docker/raw-http.js';
import {toEngineError, type EngineError} from './source/docker/errors.js';
import {explainUnreachable} from './source/docker/explain.js';
import type {ApiContainer} from './source/docker/mapping.js';

// Library warnings (ssh2's DEP0170 among them) would be printed over the dashboard.
process.noDeprecation = true;

const cli = meow(
	`
	Usage
	  $ dockpit [options]

	Options
	  -H, --host <address>   Engine to use: unix:///path, tcp://host:port or ssh://user@host
	                         (default: $DOCKER_HOST, else unix:///var/run/docker.sock)
	  -f, --filter <k=v>     Show only what matches a docker filter, e.g. label=team=web or name=api;
	                         repeatable. Every pane and action is scoped to it.
	  --log-lines <n>        Lines the logs pane keeps in memory (default 10000); older ones drop off
	  --help                 Show this help
	  --version              Show the version

	Keys
	  ? shows every key inside dockpit; q quits.

	Examples
	  $ dockpit
	  $ dockpit -H ssh://me@build-box
	  $ dockpit --filter label=com.docker.compose.project=shop
`,
	{
		importMeta: import.meta,
		pkg,
		flags: {
			host: {type: 'string', shortFlag: 'H'},
			filter: {type: 'string', shortFlag: 'f', isMultiple: true},
			logLines: {type: 'number'},
		},
	},
);

function usageError(message: string): never {
	process.stderr.write(`dockpit: ${message}\nRun dockpit --help for usage.\n`);
	process.exit(2);
}

type Start = {version?: string; apiVersion?: string; initial?: {containers: ApiContainer[]; at: number}};

/** The version and the first list, over a bare request where the endpoint allows, else through dockerode. */
async function firstContact(endpoint: Endpoint, scope: Filters): Promise<Start> {
	if (canUseRawHttp(endpoint)) {
		const [version, {body, date}] = await Promise.all([
			getJson<{Version?: string; ApiVersion?: string}>(endpoint, '/version'),
			getJson<ApiContainer[]>(endpoint, `/containers/json?all=1&filters=${filtersQuery(scope)}`),
		]);
		return {
			version: version.body.Version,
			apiVersion: version.body.ApiVersion,
			initial: {containers: body, at: date ?? Date.now()},
		};
	}

	const {Engine} = await import('./source/docker/engine.js');
	const engine = new Engine(endpoint);
	const version = await engine.version();
	return {version: version.Version, apiVersion: version.ApiVersion};
}

const {logLines} = cli.flags;
if (logLines !== undefined && (!Number.isInteger(logLines) || logLines < 1 || logLines > 1_000_000)) {
	usageError(`--log-lines ${logLines}: expected a whole number of lines from 1 to 1000000`);
}

let endpoint: Endpoint;
let scope: Filters;
try {
	endpoint = resolveEndpoint(cli.flags.host);
	scope = parseFilters(cli.flags.filter ?? []);
} catch (error) {
	if (error instanceof EndpointError || error instanceof FilterError) usageError(error.message);
	throw error;
}

const contact = firstContact(endpoint, scope).then(
	(start) => ({ok: true as const, start}),
	(error: unknown) => ({ok: false as const, error: toEngineError(error)}),
);
const ui = Promise.all([import('./source/run.js'), contact]);
const [{runDashboard}, result] = await ui;
if (!result.ok) {
	process.stderr.write(`${explainUnreachable(endpoint, result.error as EngineError)}\n`);
	process.exit(1);
}

process.exitCode = await runDashboard({endpoint, scope, scopeText: cli.flags.filter ?? [], ...result.start, logLines});
