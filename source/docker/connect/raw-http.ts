// A bare GET to the Engine API over node:http, used only on the path to the first frame
// (dockerode is loaded after it); unix sockets and plain tcp only, the rest go through dockerode.
import http from 'node:http';
import type {Endpoint} from './endpoint.js';
import {EngineError, notDockerError, toEngineError} from '../errors.js';
import {plainAgent} from './plain-agent.js';

/** The requests made before dockerode is loaded share one pool, as they did Node's global agent. */
const agent = plainAgent();

export type RawResponse<T> = {readonly body: T; readonly date?: number};

export const canUseRawHttp = (endpoint: Endpoint): boolean =>
	endpoint.kind === 'unix' || (endpoint.kind === 'tcp' && !endpoint.tls);

export function getJson<T>(endpoint: Endpoint, path: string, timeoutMs = 5000): Promise<RawResponse<T>> {
	return new Promise((resolve, reject) => {
		const target =
			endpoint.kind === 'unix'
				? {socketPath: endpoint.socketPath}
				: endpoint.kind === 'tcp'
					? {host: endpoint.host, port: endpoint.port}
					: undefined;
		if (!target) {
			reject(new EngineError('daemon', `raw requests do not support ${endpoint.kind} endpoints`));
			return;
		}

		const request = http.get({...target, path, agent, headers: {host: 'docker'}, timeout: timeoutMs}, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('error', (error) => reject(toEngineError(error)));
			response.on('end', () => {
				const text = Buffer.concat(chunks).toString('utf8');
				const status = response.statusCode ?? 0;
				if (status >= 400) {
					reject(toEngineError({statusCode: status, json: text}));
					return;
				}

				try {
					const date = response.headers.date ? Date.parse(response.headers.date) : undefined;
					resolve({body: JSON.parse(text) as T, date: Number.isNaN(date) ? undefined : date});
				} catch {
					// Every Engine API answer carries Api-Version; without it, something else is listening.
					reject(
						response.headers['api-version']
							? new EngineError('daemon', `the engine answered ${path} with something that is not JSON`)
							: notDockerError(status, response.headers['content-type'] ?? 'not JSON'),
					);
				}
			});
		});
		request.on('timeout', () => request.destroy(Object.assign(new Error('timed out'), {code: 'ETIMEDOUT'})));
		request.on('error', (error) => reject(toEngineError(error)));
	});
}
