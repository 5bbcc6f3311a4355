/**
 * `node --import tsx lab/cli.ts [--page PORT] [--api PORT] [--third PORT]`: starts the lab and prints
 * its origins and the gallery URL; Ctrl-C stops it.
 */
import { startLab, type LabServerName } from './server';

const ports: Partial<Record<LabServerName, number>> = {};
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i += 2) {
  const name = args[i]?.replace(/^--/, '');
  const port = Number(args[i + 1]);
  if ((name !== 'page' && name !== 'api' && name !== 'third') || !Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`usage: lab/cli.ts [--page PORT] [--api PORT] [--third PORT]\nbad argument: ${args[i] ?? ''} ${args[i + 1] ?? ''}\n`);
    process.exit(2);
  }
  ports[name] = port;
}

const lab = await startLab({ ports });
process.stdout.write(`CORS Lens lab
  page (gallery): ${lab.galleryUrl}
  API:            ${lab.origins.api}
  third party:    ${lab.origins.third}${lab.origins.crossSite ? `
  cross-site:     ${lab.origins.crossSite} (the third server under another site's name)` : ''}
  closed port:    ${lab.origins.closed}
  request log:    ${lab.origins.page}/__log
Press Ctrl-C to stop.
`);
const stop = () => void lab.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
