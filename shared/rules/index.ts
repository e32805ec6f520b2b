/** The rules of docs/regles.md as pure functions (clock passed in). */
export * from './calendrier';
export * from './candidature';
export * from './classement';
export * from './completude';
export * from './designation';
export * from './donnees';
export * from './eligibilite';
export * from './identite';
export * from './inactivite';
export * from './limites';
export * from './metadonnees';
export * from './motDePasse';
export * from './publication';
export * from './suspension';
export * from './verificationPiece';
export * from './decisionBailleur';
export * from './lienBailleur';
