// What the status line says about a swarm action: while it is asked, when the engine took it, when it refused.
import type {SwarmOp} from './swarm-types.js';

export function swarmOpProgress(op: SwarmOp): string {
	switch (op.kind) {
		case 'scale':
			return `Scaling ${op.name} to ${op.replicas}…`;
		case 'forceUpdate':
			return `Restarting every task of ${op.name} (update with force)…`;
		case 'rollback':
			return `Rolling ${op.name} back…`;
		case 'removeService':
			return `Removing service ${op.name}…`;
		case 'availability':
			return `Setting node ${op.name} to ${op.availability}…`;
	}
}

export function swarmOpSuccess(op: SwarmOp): string {
	switch (op.kind) {
		case 'scale':
			return `${op.name} scaled to ${op.replicas}: the replicas column follows the tasks as they start`;
		case 'forceUpdate':
			return `${op.name} is restarting its tasks one by one (rolling update)`;
		case 'rollback':
			return `${op.name} is rolling back to its previous spec`;
		case 'removeService':
			return `Removed service ${op.name}`;
		case 'availability':
			return op.availability === 'drain'
				? `Node ${op.name} drained: its tasks move to other nodes`
				: `Node ${op.name} is now ${op.availability}`;
	}
}

export const swarmOpFailure = (op: SwarmOp, message: string): string => {
	const what =
		op.kind === 'availability'
			? `set node ${op.name} to ${op.availability}`
			: op.kind === 'scale'
				? `scale ${op.name} to ${op.replicas}`
				: op.kind === 'forceUpdate'
					? `restart ${op.name}`
					: op.kind === 'rollback'
						? `roll back ${op.name}`
						: `remove service ${op.name}`;
	return `Could not ${what}: ${message}`;
};
