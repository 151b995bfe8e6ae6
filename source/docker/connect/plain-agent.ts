// The agent for the bare requests made before dockerode is loaded (raw-http.ts: a unix socket, tcp without
// TLS): Node's own global agent's settings, with an empty TLS server name. Without one, Node works a name
// out for every request and asks net.isIP whether it is an address; the first ask compiles its IPv6
// expression, 15 ms of a start here (profiled on a 2-core machine where `node -e ''` takes 100 ms).
// dockerode keeps Node's global agent (connection.ts says why); its first request comes later.
import http from 'node:http';

export const plainAgent = (): http.Agent =>
	new http.Agent({keepAlive: true, scheduling: 'lifo', timeout: 5000, servername: ''} as http.AgentOptions);
