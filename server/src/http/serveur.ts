import http from 'node:http';
import type { Socket } from 'node:net';
import type { Express } from 'express';

/**
 * The HTTP server of the app. What Node's parser refuses before Express sees it (a request line
 * and headers over 16 KB, a malformed request) gets a problem+json with a stable code too, like every
 * other refusal, instead of Node's bare status line: 431 `REQUETE_TROP_LONGUE` (a filter too long for
 * an address: send fewer values), 408 for headers that never finished, 400 `REQUETE_MALFORMEE`.
 */
export function serveurHttp(app: Express): http.Server {
  const serveur = http.createServer(app);
  serveur.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, raison, code, detail] =
      err.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large', 'REQUETE_TROP_LONGUE', 'La requête est trop longue (adresse et en-têtes au-delà de 16 Ko) : filtrez sur moins de valeurs.']
        : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'Request Timeout', 'DELAI_REQUETE', 'La requête n’est pas arrivée à temps.']
          : [400, 'Bad Request', 'REQUETE_MALFORMEE', 'Requête HTTP mal formée.'];
    const corps = JSON.stringify({ type: `https://als.example/problemes/${code.toLowerCase().replaceAll('_', '-')}`, title: raison, status, detail, code });
    socket.end(
      `HTTP/1.1 ${status} ${raison}\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(corps)}\r\nConnection: close\r\n\r\n${corps}`,
    );
  });
  return serveur;
}
