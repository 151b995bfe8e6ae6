// The engine's images, volumes and networks, and the targets of bulk actions: domain values that the
// engine layer reads and acts on, apart from the panes' reducer and dialogs.
import type {ContainerState} from '../core/model.js';

export type ResourcePane = 'images' | 'volumes' | 'networks';

/** One row per tag; a dangling image has one row, tag `<none>`. */
export type Image = {
	/** Row identity: the image id and the tag, as one image can carry several tags. */
	readonly key: string;
	readonly id: string;
	/** "repo:tag", or "<none>:<none>" for a dangling image. */
	readonly reference: string;
	readonly dangling: boolean;
	/** Bytes. */
	readonly size: number;
	/** Epoch ms. */
	readonly createdAt: number;
	/** Names of the containers (any state) created from it. */
	readonly usedBy: readonly string[];
	/** How many tags the image has, to tell untag from delete. */
	readonly tagCount: number;
};

export type Volume = {
	readonly name: string;
	readonly driver: string;
	readonly mountpoint: string;
	readonly usedBy: readonly string[];
	/** Bytes, from /system/df; undefined where the engine does not know it. */
	readonly size?: number;
	/** Created without a name (a 64-hex id), e.g. by an image's VOLUME. */
	readonly anonymous: boolean;
	readonly createdAt?: number;
};

export type Network = {
	readonly id: string;
	readonly name: string;
	readonly driver: string;
	readonly scope: string;
	readonly attached: readonly string[];
	/** bridge, host and none: the engine's own, never removable. */
	readonly builtIn: boolean;
	readonly createdAt?: number;
};

export type ResourceRows = {
	readonly images: readonly Image[];
	readonly volumes: readonly Volume[];
	readonly networks: readonly Network[];
};

/** Every container action that can act on the marked containers (issue 14, item 4). */
export type BulkOp = 'start' | 'stop' | 'restart' | 'pause' | 'unpause' | 'kill' | 'remove';

export type BulkTarget = {
	readonly id: string;
	readonly name: string;
	readonly state: ContainerState;
	readonly image: string;
};

export type BulkOutcome = {readonly id: string; readonly name: string; readonly ok: boolean; readonly error?: string};

/** An image (one tag of it), volume or network to remove. */
export type ResourceTarget = {
	readonly pane: ResourcePane;
	/** What the engine removes it by: the tag for a tagged image (untag), else the id or name. */
	readonly ref: string;
	readonly name: string;
	readonly id: string;
	readonly usedBy: readonly string[];
	readonly size?: number;
	/** For an image tag: how many other tags the image keeps, so removing this one is only an untag. */
	readonly otherTags?: number;
};
