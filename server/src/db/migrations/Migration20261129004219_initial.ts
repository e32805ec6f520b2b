import { Migration } from '@mikro-orm/migrations';

export class Migration20261129004219_initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "agent" ("id" serial primary key, "email" varchar(254) not null, "nom" varchar(100) not null, "prenom" varchar(100) not null, "role" text check ("role" in ('conseiller', 'controle_fraude', 'manager', 'admin')) not null, "territoires" text[] not null default '{}', "password_hash" varchar(200) not null, "actif" boolean not null default true, "created_at" timestamptz not null default now());`);
    this.addSql(`alter table "agent" add constraint "agent_email_unique" unique ("email");`);

    this.addSql(`create table "audit_event" ("id" serial primary key, "at" timestamptz not null, "acteur_type" text check ("acteur_type" in ('agent', 'demandeur', 'systeme')) not null, "acteur_id" int null, "action" varchar(60) not null, "entite" varchar(30) not null, "entite_id" int null, "de" varchar(30) null, "vers" varchar(30) null, "motif" text null, "details" jsonb null, "fraude" boolean not null default false, "ip" varchar(64) null);`);
    this.addSql(`create index "audit_event_entite_entite_id_at_index" on "audit_event" ("entite", "entite_id", "at");`);
    this.addSql(`create index "audit_event_at_index" on "audit_event" ("at");`);
    this.addSql(`create index "audit_event_acteur_type_acteur_id_index" on "audit_event" ("acteur_type", "acteur_id");`);

    this.addSql(`create table "bailleur" ("id" serial primary key, "nom" varchar(200) not null, "siren" varchar(9) not null, "email" varchar(254) not null, "est_inli" boolean not null default false, "created_at" timestamptz not null default now());`);
    this.addSql(`alter table "bailleur" add constraint "bailleur_siren_unique" unique ("siren");`);

    this.addSql(`create table "commune" ("code_insee" varchar(5) not null, "nom" varchar(100) not null, "code_postal" varchar(5) not null, "departement" varchar(3) not null, "latitude" double precision not null, "longitude" double precision not null, constraint "commune_pkey" primary key ("code_insee"));`);
    this.addSql(`create index "commune_departement_index" on "commune" ("departement");`);

    this.addSql(`create table "demandeur" ("id" serial primary key, "civilite" text check ("civilite" in ('M', 'Mme')) not null, "nom" varchar(100) not null, "prenom" varchar(100) not null, "email" varchar(254) not null, "date_naissance" date null, "telephone" varchar(20) null, "statut_compte" text check ("statut_compte" in ('a_verifier', 'actif', 'ferme')) not null default 'a_verifier', "password_hash" varchar(200) null, "email_verifie_le" timestamptz null, "cgu_version_acceptee" varchar(20) null, "derniere_connexion" timestamptz null, "desactive_le" timestamptz null, "created_at" timestamptz not null default now());`);
    this.addSql(`alter table "demandeur" add constraint "demandeur_email_unique" unique ("email");`);
    this.addSql(`create index "demandeur_nom_prenom_index" on "demandeur" ("nom", "prenom");`);
    this.addSql(`create index "demandeur_telephone_index" on "demandeur" ("telephone");`);

    this.addSql(`create table "entreprise" ("id" serial primary key, "siret" varchar(14) not null, "raison_sociale" varchar(200) not null, "contribution" text check ("contribution" in ('peec', 'peaec', 'pseec')) not null, "droits_pseec_restants" int null, "created_at" timestamptz not null default now());`);
    this.addSql(`alter table "entreprise" add constraint "entreprise_siret_unique" unique ("siret");`);

    this.addSql(`create table "demande" ("id" serial primary key, "reference" varchar(30) not null, "demandeur_id" int not null, "statut" text check ("statut" in ('brouillon', 'complete', 'cloturee')) not null default 'brouillon', "motif_cloture" text check ("motif_cloture" in ('inactivite', 'fraude', 'incivilite', 'fermeture_compte', 'attribution', 'agent')) null, "cloture_le" timestamptz null, "nombre_personnes" int not null, "codemandeur" jsonb null, "revenu_fiscal_reference" int not null, "public_cible" text check ("public_cible" in ('peec', 'peaec', 'pseec', 'dalo', 'daho', 'hors_public_cible')) not null, "entreprise_id" int null, "lieu_travail_code_postal" varchar(5) null, "lieu_travail_commune" varchar(100) null, "commune_logement_actuel" varchar(100) null, "secteurs_recherche" jsonb not null, "situations_prioritaires" text[] not null default '{}', "accompagne_service_salaries_en_difficulte" boolean not null default false, "controle_renforce" boolean not null default false, "signale_reattribution" boolean not null default false, "derniere_mise_ajour" timestamptz not null, "created_at" timestamptz not null default now());`);
    this.addSql(`alter table "demande" add constraint "demande_reference_unique" unique ("reference");`);
    this.addSql(`create index "demande_demandeur_id_index" on "demande" ("demandeur_id");`);
    this.addSql(`create index "demande_entreprise_id_index" on "demande" ("entreprise_id");`);
    this.addSql(`create index "demande_statut_derniere_mise_ajour_index" on "demande" ("statut", "derniere_mise_ajour");`);

    this.addSql(`create table "export" ("id" serial primary key, "kind" text check ("kind" in ('designations_bailleur', 'rapport_entreprise', 'dossier_designation')) not null, "params" jsonb not null, "destinataire" varchar(200) not null, "statut" text check ("statut" in ('en_attente', 'en_cours', 'termine', 'echec', 'expire')) not null default 'en_attente', "progression" int not null default 0, "agent_id" int not null, "fichier" varchar(300) null, "nom_fichier" varchar(200) null, "taille" int null, "lignes" int null, "erreur" text null, "expire_le" timestamptz null, "termine_le" timestamptz null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "export_agent_id_index" on "export" ("agent_id");`);

    this.addSql(`create table "justificatif" ("id" serial primary key, "demande_id" int not null, "titulaire" text check ("titulaire" in ('demandeur', 'codemandeur')) not null, "type" text check ("type" in ('identite', 'ressources', 'avis_imposition', 'attestation_employeur', 'bulletin_salaire', 'justificatif_domicile', 'attestation_hebergement', 'justificatif_situation', 'reconnaissance_dalo_daho')) not null, "statut" text check ("statut" in ('depose', 'valide', 'refuse', 'expire', 'falsifie')) not null default 'depose', "motif_refus" varchar(500) null, "date_validite_fin" date null, "sha256" varchar(64) not null, "taille" int not null, "mime" varchar(50) not null, "nom_original" varchar(200) not null, "metadonnees_pdf" jsonb null, "remplace" int null, "actif" boolean not null default true, "verifie_par_id" int null, "verifie_le" timestamptz null, "motif_falsification" varchar(1000) null, "depose_le" timestamptz not null);`);
    this.addSql(`create index "justificatif_sha256_index" on "justificatif" ("sha256");`);
    this.addSql(`create index "justificatif_demande_id_type_titulaire_index" on "justificatif" ("demande_id", "type", "titulaire");`);

    this.addSql(`create table "login_throttle" ("id" serial primary key, "kind" text check ("kind" in ('agent', 'demandeur')) not null, "email" varchar(254) not null, "consecutive_failures" int not null default 0, "locked_until" timestamptz null, "window_start" timestamptz not null, "window_failures" int not null default 0, "updated_at" timestamptz not null);`);
    this.addSql(`alter table "login_throttle" add constraint "login_throttle_kind_email_unique" unique ("kind", "email");`);

    this.addSql(`create table "note" ("id" serial primary key, "entite" text check ("entite" in ('candidature', 'demande')) not null, "entite_id" int not null, "agent_id" int not null, "texte" text not null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "note_entite_entite_id_index" on "note" ("entite", "entite_id");`);

    this.addSql(`create table "notification" ("id" serial primary key, "demandeur_id" int null, "destinataire" varchar(254) not null, "template" varchar(60) not null, "sujet" varchar(300) not null, "corps" text not null, "donnees" jsonb null, "cle" varchar(200) null, "statut" text check ("statut" in ('a_envoyer', 'envoyee', 'echec')) not null default 'a_envoyer', "tentatives" int not null default 0, "prochain_essai" timestamptz null, "message_id" varchar(300) null, "envoyee_le" timestamptz null, "erreur" text null, "entite" varchar(30) null, "entite_id" int null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "notification_demandeur_id_index" on "notification" ("demandeur_id");`);
    this.addSql(`alter table "notification" add constraint "notification_cle_unique" unique ("cle");`);
    this.addSql(`create index "notification_statut_prochain_essai_index" on "notification" ("statut", "prochain_essai");`);
    this.addSql(`create index "notification_entite_entite_id_index" on "notification" ("entite", "entite_id");`);

    this.addSql(`create table "programme" ("id" serial primary key, "nom" varchar(200) not null, "bailleur_id" int not null, "adresse" varchar(300) null, "commune" varchar(100) not null, "code_insee" varchar(5) not null, "code_postal" varchar(5) not null, "departement" varchar(3) not null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "programme_bailleur_id_index" on "programme" ("bailleur_id");`);
    this.addSql(`create index "programme_departement_index" on "programme" ("departement");`);

    this.addSql(`create table "offre" ("id" serial primary key, "reference" varchar(30) not null, "titre" varchar(200) not null, "nature" text check ("nature" in ('classique', 'courte_duree')) not null, "forme" text check ("forme" in ('identifie', 'type')) not null, "bailleur_id" int not null, "programme_id" int not null, "typologie" text check ("typologie" in ('chambre', 'studio', 'T1', 'T2', 'T3', 'T4', 'T5', 'T6')) not null, "surface" numeric(6,2) null, "surface_min" numeric(6,2) null, "surface_max" numeric(6,2) null, "loyer" numeric(8,2) null, "loyer_min" numeric(8,2) null, "loyer_max" numeric(8,2) null, "commune" varchar(100) not null, "code_insee" varchar(5) not null, "code_postal" varchar(5) not null, "departement" varchar(3) not null, "reglementation" text check ("reglementation" in ('plai', 'plus', 'pls', 'pli', 'libre', 'residence_temporaire')) not null, "plafonds" jsonb not null, "nombre_logements" int not null default 1, "publiee" boolean not null default false, "debut_publication" timestamptz null, "fin_publication" timestamptz null, "depubliee_le" timestamptz null, "motif_depublication" varchar(500) null, "reprise_le" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`);
    this.addSql(`alter table "offre" add constraint "offre_reference_unique" unique ("reference");`);
    this.addSql(`create index "offre_bailleur_id_index" on "offre" ("bailleur_id");`);
    this.addSql(`create index "offre_programme_id_index" on "offre" ("programme_id");`);
    this.addSql(`create index "offre_departement_nature_index" on "offre" ("departement", "nature");`);
    this.addSql(`create index "offre_publiee_fin_publication_index" on "offre" ("publiee", "fin_publication");`);

    this.addSql(`create table "candidature" ("id" serial primary key, "reference" varchar(30) not null, "demande_id" int not null, "demandeur_id" int not null, "offre_id" int not null, "departement" varchar(3) not null, "nature" text check ("nature" in ('classique', 'courte_duree')) not null, "statut" text check ("statut" in ('deposee', 'en_instruction', 'transmise_bailleur', 'attribuee', 'non_retenue', 'annulee', 'cloturee')) not null default 'deposee', "date_candidature" timestamptz not null, "origine" text check ("origine" in ('portail', 'proposition')) not null default 'portail', "agent_en_charge_id" int null, "prise_en_charge_le" timestamptz null, "motif" varchar(1000) null, "canal" text check ("canal" in ('telephone', 'courriel', 'reclamation')) null, "designee_le" timestamptz null, "cloture_le" timestamptz null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`);
    this.addSql(`alter table "candidature" add constraint "candidature_reference_unique" unique ("reference");`);
    this.addSql(`create index "candidature_demande_id_index" on "candidature" ("demande_id");`);
    this.addSql(`create index "candidature_agent_en_charge_id_index" on "candidature" ("agent_en_charge_id");`);
    this.addSql(`create index "candidature_offre_rang_idx" on "candidature" ("offre_id", "statut", "date_candidature", "id");`);
    this.addSql(`create index "candidature_queue_idx" on "candidature" ("departement", "statut", "date_candidature");`);
    this.addSql(`create index "candidature_demandeur_statut_idx" on "candidature" ("demandeur_id", "statut");`);

    this.addSql(`create table "proposition" ("id" serial primary key, "offre_id" int not null, "demandeur_id" int not null, "agent_id" int not null, "departement" varchar(3) not null, "statut" text check ("statut" in ('envoyee', 'acceptee', 'refusee', 'expiree')) not null default 'envoyee', "message" text null, "envoyee_le" timestamptz not null, "expire_le" timestamptz not null, "repondu_le" timestamptz null, "candidature_id" int null);`);
    this.addSql(`create index "proposition_offre_id_index" on "proposition" ("offre_id");`);
    this.addSql(`create index "proposition_demandeur_id_index" on "proposition" ("demandeur_id");`);
    this.addSql(`create index "proposition_statut_expire_le_index" on "proposition" ("statut", "expire_le");`);

    this.addSql(`create table "session" ("id" varchar(64) not null, "kind" text check ("kind" in ('agent', 'demandeur')) not null, "principal_id" int not null, "created_at" timestamptz not null, "last_seen_at" timestamptz not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, "ip" varchar(64) null, "user_agent" varchar(300) null, constraint "session_pkey" primary key ("id"));`);
    this.addSql(`create index "session_kind_principal_id_index" on "session" ("kind", "principal_id");`);

    this.addSql(`create table "signalement" ("id" serial primary key, "type" text check ("type" in ('identite_multiple', 'telephone_partage', 'email_variante', 'fichier_partage', 'metadonnees_pdf')) not null, "cle" varchar(200) not null, "score" int not null, "preuves" jsonb not null, "demandeur_ids" integer[] not null default '{}', "statut" text check ("statut" in ('nouveau', 'en_cours', 'confirme', 'infirme')) not null default 'nouveau', "assignee_id" int null, "conclusion" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`);
    this.addSql(`alter table "signalement" add constraint "signalement_cle_unique" unique ("cle");`);
    this.addSql(`create index "signalement_statut_score_index" on "signalement" ("statut", "score");`);

    this.addSql(`create table "suspension" ("id" serial primary key, "demandeur_id" int not null, "type" text check ("type" in ('fraude', 'incivilite')) not null, "debut" timestamptz not null, "fin" timestamptz not null, "duree_mois" int not null, "motif" text not null, "recidive" boolean not null default false, "cree_par_id" int not null, "levee_le" timestamptz null, "levee_par_id" int null, "motif_levee" text null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "suspension_demandeur_id_index" on "suspension" ("demandeur_id");`);
    this.addSql(`create index "suspension_fin_index" on "suspension" ("fin");`);

    this.addSql(`alter table "demande" add constraint "demande_demandeur_id_foreign" foreign key ("demandeur_id") references "demandeur" ("id") on update cascade;`);
    this.addSql(`alter table "demande" add constraint "demande_entreprise_id_foreign" foreign key ("entreprise_id") references "entreprise" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "export" add constraint "export_agent_id_foreign" foreign key ("agent_id") references "agent" ("id") on update cascade;`);

    this.addSql(`alter table "justificatif" add constraint "justificatif_demande_id_foreign" foreign key ("demande_id") references "demande" ("id") on update cascade;`);
    this.addSql(`alter table "justificatif" add constraint "justificatif_verifie_par_id_foreign" foreign key ("verifie_par_id") references "agent" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "note" add constraint "note_agent_id_foreign" foreign key ("agent_id") references "agent" ("id") on update cascade;`);

    this.addSql(`alter table "notification" add constraint "notification_demandeur_id_foreign" foreign key ("demandeur_id") references "demandeur" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "programme" add constraint "programme_bailleur_id_foreign" foreign key ("bailleur_id") references "bailleur" ("id") on update cascade;`);

    this.addSql(`alter table "offre" add constraint "offre_bailleur_id_foreign" foreign key ("bailleur_id") references "bailleur" ("id") on update cascade;`);
    this.addSql(`alter table "offre" add constraint "offre_programme_id_foreign" foreign key ("programme_id") references "programme" ("id") on update cascade;`);

    this.addSql(`alter table "candidature" add constraint "candidature_demande_id_foreign" foreign key ("demande_id") references "demande" ("id") on update cascade;`);
    this.addSql(`alter table "candidature" add constraint "candidature_demandeur_id_foreign" foreign key ("demandeur_id") references "demandeur" ("id") on update cascade;`);
    this.addSql(`alter table "candidature" add constraint "candidature_offre_id_foreign" foreign key ("offre_id") references "offre" ("id") on update cascade;`);
    this.addSql(`alter table "candidature" add constraint "candidature_agent_en_charge_id_foreign" foreign key ("agent_en_charge_id") references "agent" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "proposition" add constraint "proposition_offre_id_foreign" foreign key ("offre_id") references "offre" ("id") on update cascade;`);
    this.addSql(`alter table "proposition" add constraint "proposition_demandeur_id_foreign" foreign key ("demandeur_id") references "demandeur" ("id") on update cascade;`);
    this.addSql(`alter table "proposition" add constraint "proposition_agent_id_foreign" foreign key ("agent_id") references "agent" ("id") on update cascade;`);

    this.addSql(`alter table "signalement" add constraint "signalement_assignee_id_foreign" foreign key ("assignee_id") references "agent" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "suspension" add constraint "suspension_demandeur_id_foreign" foreign key ("demandeur_id") references "demandeur" ("id") on update cascade;`);
    this.addSql(`alter table "suspension" add constraint "suspension_cree_par_id_foreign" foreign key ("cree_par_id") references "agent" ("id") on update cascade;`);
    this.addSql(`alter table "suspension" add constraint "suspension_levee_par_id_foreign" foreign key ("levee_par_id") references "agent" ("id") on update cascade on delete set null;`);

    // Rules the database itself keeps, whatever the code path:
    // one open demande per demandeur; one open candidature per demandeur and offer (DEJA_CANDIDAT).
    this.addSql(`create unique index "demande_une_ouverte_uidx" on "demande" ("demandeur_id") where "statut" <> 'cloturee';`);
    this.addSql(`create unique index "candidature_une_ouverte_uidx" on "candidature" ("demandeur_id", "offre_id") where "statut" in ('deposee', 'en_instruction', 'transmise_bailleur');`);
    // "À traiter" queue: open candidatures nobody holds, oldest first, within a territory.
    this.addSql(`create index "candidature_a_traiter_idx" on "candidature" ("departement", "date_candidature") where "statut" = 'deposee' and "agent_en_charge_id" is null;`);
    // q search (prefix, case-insensitive) on names and emails.
    this.addSql(`create index "demandeur_nom_search_idx" on "demandeur" (lower("nom") text_pattern_ops);`);
    this.addSql(`create index "demandeur_email_search_idx" on "demandeur" (lower("email") text_pattern_ops);`);
    this.addSql(`create index "agent_nom_search_idx" on "agent" (lower("nom") text_pattern_ops);`);
    this.addSql(`create index "justificatif_demande_actif_idx" on "justificatif" ("demande_id") where "actif";`);
    this.addSql(`create index "offre_programme_typologie_idx" on "offre" ("programme_id", "typologie");`);
    this.addSql(`create index "signalement_demandeur_ids_idx" on "signalement" using gin ("demandeur_ids");`);
  }

}
