// What the make forms ask the session to do, once their input has been checked: domain values only.
import type {RunSpec} from './run-spec.js';

export type CopyDirection = 'from-container' | 'to-container';

export type MakeRequest =
	/** Open the run form: the session adds the values last used with this image. */
	| {readonly kind: 'openRun'; readonly image?: string}
	| {readonly kind: 'run'; readonly spec: RunSpec; readonly remember: Readonly<Record<string, string>>}
	| {
			readonly kind: 'commit';
			readonly id: string;
			readonly name: string;
			readonly repository: string;
			readonly tag: string;
			readonly message: string;
	  }
	| {readonly kind: 'tag'; readonly source: string; readonly repository: string; readonly tag: string}
	| {readonly kind: 'untag'; readonly reference: string}
	| {
			readonly kind: 'createNetwork' | 'createVolume';
			readonly name: string;
			readonly driver: string;
			readonly labels: Readonly<Record<string, string>>;
	  }
	| {
			readonly kind: 'connect' | 'disconnect';
			readonly networkId: string;
			readonly networkName: string;
			readonly container: string;
	  }
	| {
			readonly kind: 'copy';
			readonly direction: CopyDirection;
			readonly id: string;
			readonly name: string;
			readonly containerPath: string;
			readonly hostPath: string;
			readonly overwrite: boolean;
	  }
	| {
			readonly kind: 'build';
			readonly context: string;
			readonly dockerfile: string;
			readonly tag: string;
			readonly buildArgs: Readonly<Record<string, string>>;
			readonly target?: string;
			readonly labels: Readonly<Record<string, string>>;
	  };

/** Splits "repo:tag" (a registry port is not a tag: "host:5000/app"); the tag defaults to latest. */
export function splitReference(text: string): {readonly repository: string; readonly tag: string} {
	const slash = text.lastIndexOf('/');
	const colon = text.lastIndexOf(':');
	if (colon > slash) return {repository: text.slice(0, colon), tag: text.slice(colon + 1)};
	return {repository: text, tag: 'latest'};
}

/** A repository and tag as the engine accepts them (lower-case path components, a tag of [\w.-]). */
export function referenceProblem(text: string): string | undefined {
	if (text.trim() === '') return 'give a name, e.g. myapp:1.0';
	const {repository, tag} = splitReference(text);
	if (!/^[a-z0-9]+(?:[._-][a-z0-9]+|__)*(?::\d+)?(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(repository)) {
		return `"${repository}" is not a valid repository name (lower case letters, digits, . _ - and /)`;
	}

	if (!/^\w[\w.-]{0,127}$/.test(tag)) return `"${tag}" is not a valid tag`;
	return undefined;
}
