import { SearchInput, SelectInput, TextInput } from 'react-admin';
import { choicesFor, type EnumName } from './enums';

/** The full-text search of a list (`filter={"q":…}`), always shown. */
export const searchFilter = () => <SearchInput key="q" source="q" alwaysOn />;

/** A filter on a domain enum, with its French labels. */
export const enumFilter = (source: string, enumName: EnumName, alwaysOn = false) => (
  <SelectInput key={source} source={source} choices={choicesFor(enumName)} alwaysOn={alwaysOn} />
);

/** A yes/no filter (« Oui » / « Non »), usable as alwaysOn unlike a BooleanInput with a default. */
export const booleanFilter = (source: string, alwaysOn = false) => (
  <SelectInput
    key={source}
    source={source}
    alwaysOn={alwaysOn}
    choices={[
      { id: 'true', name: 'ra.boolean.true' },
      { id: 'false', name: 'ra.boolean.false' },
    ]}
  />
);

/** The département filter (codes such as 69, 2A, 971). */
export const departementFilter = () => <TextInput key="departement" source="departement" sx={{ width: 140 }} />;
