import { render } from 'preact';
render(<main>CORS Lens panel</main>, document.getElementById('app')!);
