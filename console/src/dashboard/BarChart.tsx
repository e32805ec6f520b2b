import { Box, Typography, useTheme } from '@mui/material';

export interface Barre {
  libelle: string;
  valeur: number;
  /** Shown instead of the value (e.g. "< 5" for a withheld count). */
  texte?: string;
}

/**
 * A horizontal bar chart in plain SVG: no chart library (the dashboard's few bar charts do not
 * justify tens of kB of JavaScript), accessible (role="img", a title per bar, the values
 * written as text), and themed from MUI.
 */
export function BarChart({ barres, titre, couleur }: { barres: Barre[]; titre: string; couleur?: string }) {
  const theme = useTheme();
  const max = Math.max(1, ...barres.map((b) => b.valeur));
  const hauteurBarre = 22;
  const ecart = 6;
  const largeurLibelle = 170;
  const largeur = 520;
  const zone = largeur - largeurLibelle - 60;
  const hauteur = barres.length * (hauteurBarre + ecart);
  const fill = couleur ?? theme.palette.primary.main;
  return (
    <Box>
      <Typography variant="subtitle2" component="h3" gutterBottom>
        {titre}
      </Typography>
      <svg role="img" aria-label={titre} viewBox={`0 0 ${largeur} ${Math.max(hauteur, 1)}`} width="100%" style={{ maxWidth: largeur, display: 'block' }}>
        {barres.map((b, i) => {
          const y = i * (hauteurBarre + ecart);
          const w = Math.max(b.valeur > 0 ? 2 : 0, (b.valeur / max) * zone);
          return (
            <g key={b.libelle}>
              <title>{`${b.libelle} : ${b.texte ?? b.valeur}`}</title>
              <text x={largeurLibelle - 8} y={y + hauteurBarre / 2} textAnchor="end" dominantBaseline="central" fontSize={12} fill={theme.palette.text.secondary}>
                {b.libelle}
              </text>
              <rect x={largeurLibelle} y={y} width={w} height={hauteurBarre} rx={3} fill={fill} opacity={0.85} />
              <text x={largeurLibelle + w + 6} y={y + hauteurBarre / 2} dominantBaseline="central" fontSize={12} fill={theme.palette.text.primary}>
                {b.texte ?? b.valeur.toLocaleString('fr-FR')}
              </text>
            </g>
          );
        })}
      </svg>
    </Box>
  );
}

/** Monthly columns (suspensions per month), plain SVG as above. */
export function ColumnChart({ colonnes, titre }: { colonnes: Barre[]; titre: string }) {
  const theme = useTheme();
  const max = Math.max(1, ...colonnes.map((c) => c.valeur));
  const largeur = 520;
  const hauteur = 170;
  const bas = 22;
  const pas = largeur / Math.max(1, colonnes.length);
  return (
    <Box>
      <Typography variant="subtitle2" component="h3" gutterBottom>
        {titre}
      </Typography>
      <svg role="img" aria-label={titre} viewBox={`0 0 ${largeur} ${hauteur}`} width="100%" style={{ maxWidth: largeur, display: 'block' }}>
        {colonnes.map((c, i) => {
          const h = (c.valeur / max) * (hauteur - bas - 18);
          const x = i * pas + pas * 0.15;
          return (
            <g key={c.libelle}>
              <title>{`${c.libelle} : ${c.valeur}`}</title>
              <rect x={x} y={hauteur - bas - h} width={pas * 0.7} height={h} rx={2} fill={theme.palette.secondary.main} opacity={0.85} />
              <text x={x + pas * 0.35} y={hauteur - bas - h - 4} textAnchor="middle" fontSize={11} fill={theme.palette.text.primary}>
                {c.valeur}
              </text>
              <text x={x + pas * 0.35} y={hauteur - 6} textAnchor="middle" fontSize={10} fill={theme.palette.text.secondary}>
                {c.libelle}
              </text>
            </g>
          );
        })}
      </svg>
    </Box>
  );
}
