/** French first and last names for the demo demandeurs (accents, hyphens and particles included). */
export const PRENOMS_F = [
  'Camille', 'Léa', 'Manon', 'Chloé', 'Emma', 'Inès', 'Sarah', 'Julie', 'Laura', 'Marie', 'Anaïs', 'Océane',
  'Mathilde', 'Pauline', 'Clara', 'Lucie', 'Zoé', 'Noémie', 'Élodie', 'Audrey', 'Nathalie', 'Sandrine', 'Isabelle',
  'Céline', 'Aurélie', 'Émilie', 'Sophie', 'Valérie', 'Karima', 'Fatoumata', 'Yasmine', 'Amina', 'Leïla', 'Nadia',
  'Marie-Claire', 'Anne-Sophie', 'Hélène', 'Agnès', 'Maëlys', 'Jade', 'Louise', 'Margaux', 'Charlotte', 'Justine',
];

export const PRENOMS_M = [
  'Thomas', 'Lucas', 'Hugo', 'Nicolas', 'Julien', 'Maxime', 'Alexandre', 'Antoine', 'Kevin', 'Romain', 'Quentin',
  'Mathieu', 'Sébastien', 'Jérôme', 'Stéphane', 'Frédéric', 'Loïc', 'Gaël', 'Maël', 'Théo', 'Louis', 'Gabriel',
  'Karim', 'Mehdi', 'Youssef', 'Moussa', 'Mamadou', 'Bilal', 'Rayan', 'Adrien', 'Benoît', 'Cédric', 'Damien',
  'Jean-Pierre', 'Jean-Baptiste', 'Pierre-Louis', 'François', 'Hervé', 'Jérémy', 'Ludovic', 'Olivier', 'Pascal', 'Yannick',
];

export const NOMS = [
  'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon',
  'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard',
  'André', 'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François', 'Martinez', 'Legrand', 'Garnier', 'Faure', 'Rousseau',
  'Blanc', 'Guérin', 'Muller', 'Henry', 'Roussel', 'Nicolas', 'Perrin', 'Morin', 'Mathieu', 'Clément', 'Gauthier',
  'Dumont', 'Lopez', 'Fontaine', 'Chevalier', 'Robin', 'Masson', 'Sanchez', 'Gérard', 'Nguyen', 'Boyer', 'Denis',
  'Lemaire', 'Duval', 'Joly', 'Gautier', 'Roger', 'Roche', 'Roy', 'Noël', 'Meyer', 'Lucas', 'Meunier', 'Jean',
  'Perez', 'Marchand', 'Dufour', 'Blanchard', 'Benali', 'Haddad', 'Diallo', 'Traoré', 'Da Silva', 'Ferreira',
  'Le Goff', 'Le Gall', 'Kowalski', 'Benoît', 'Rivière', 'Brunet', 'Barbier', 'Arnaud', 'Giraud', 'Aubert',
];
