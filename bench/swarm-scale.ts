// Issue 17's swarm benchmark: a service on a private two-node swarm (test/helpers/swarm.ts) scaled from 1
// to 50 replicas. From the moment the scale is asked: when dockpit's services pane shows 50/50, next to
// when `docker service ls`, polled by this script as fast as it answers, first says 50/50. Printed with the load.
import {execFile} from 'node:child_process';
import {loadavg} from 'node:os';
import {promisify} from 'node:util';
import {startDockpit} from '../test/helpers/pty.js';
import {startSwarm} from '../test/helpers/swarm.js';
import {TEST_IMAGE} from '../test/helpers/engine-status.js';

const run = promisify(execFile);
const replicas = 50;
const service = 'swarm-bench-scale';

export async function benchSwarmScale(): Promise<void> {
	console.log('Starting a private two-node swarm…');
	const swarm = await startSwarm();
	try {
		await swarm.docker([
			'service',
			'create',
			'--detach',
			'--no-resolve-image',
			'--name',
			service,
			TEST_IMAGE,
			'sleep',
			'1000000',
		]);
		const session = await startDockpit({args: ['--host', swarm.manager], cols: 150, rows: 30});
		try {
			await session.waitForText('Containers', {timeout: 30_000});
			for (let tries = 0; !session.screen().includes('1/1'); tries++) {
				if (tries > 60) throw new Error('the services pane never showed 1/1');
				await session.press('6');
				await new Promise((resolve) => setTimeout(resolve, 1000));
			}

			const load = loadavg()[0]!.toFixed(2);
			const started = performance.now();
			await swarm.docker(['service', 'scale', '--detach', `${service}=${replicas}`]);
			const cli = (async () => {
				for (;;) {
					const {stdout} = await run('docker', [
						'-H',
						swarm.manager,
						'service',
						'ls',
						'--filter',
						`name=${service}`,
						'--format',
						'{{.Replicas}}',
					]);
					if (stdout.trim() === `${replicas}/${replicas}`) return performance.now() - started;
				}
			})();
			const pane = session
				.waitForScreen((screen) => screen.includes(`${replicas}/${replicas}`), {
					timeout: 600_000,
					what: `${replicas}/${replicas}`,
				})
				.then(() => performance.now() - started);
			const [dockpitMs, cliMs] = await Promise.all([pane, cli]);
			console.log(
				`Scale 1 → ${replicas} replicas on a two-node swarm (load average ${load} at the start, ${loadavg()[0]!.toFixed(2)} at the end):`,
			);
			console.log(`  dockpit's services pane shows ${replicas}/${replicas}: ${(dockpitMs / 1000).toFixed(2)} s`);
			console.log(`  docker service ls (polled back to back) says ${replicas}/${replicas}: ${(cliMs / 1000).toFixed(2)} s`);
			console.log(
				`  dockpit after the CLI: ${((dockpitMs - cliMs) / 1000).toFixed(2)} s (its pane polls at most once a second while not converged)`,
			);
		} finally {
			await session.close();
		}
	} finally {
		await swarm.stop();
	}
}
