import { createRoot } from 'react-dom/client';
import { PageBailleur } from './PageBailleur';
import './bailleur.css';

/**
 * The bailleur's page (issue #18): a separate entry of the console build (console/bailleur/index.html),
 * no react-admin, no agent account; it opens with the link received by mail.
 */
const racine = document.getElementById('racine');
if (!racine) throw new Error('#racine is missing from bailleur/index.html');
createRoot(racine).render(<PageBailleur />);
