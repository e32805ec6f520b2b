import { Divider, ListSubheader } from '@mui/material';
import { Menu as RaMenu, useSidebarState, useTranslate } from 'react-admin';
import { useAbility } from '@console/common/useAbility';
import { JobsMenuItem } from '@console/jobs/JobsMenuItem';
import { ConservationMenuItem } from '@console/conservation/chemin';
import { TracesMenuItem } from '@console/traces/chemin';
import { MENU_GROUPS } from './menuGroups';

/** The sidebar grouped by activity; groups with nothing readable disappear. */
export function Menu() {
  const ability = useAbility();
  const translate = useTranslate();
  const [open] = useSidebarState();
  if (!ability) return <RaMenu />;

  // « Tâches planifiées » (a custom page, not a resource) closes the administration group.
  const extras = (key: string) =>
    key === 'administration'
      ? [
          ...(ability.can('read', 'jobs') ? [<JobsMenuItem key="taches" />] : []),
          ...(ability.can('read', 'conservation') ? [<ConservationMenuItem key="conservation" />] : []),
        ]
      : key === 'controle' && ability.can('read', 'traces')
        ? [<TracesMenuItem key="traces" />]
        : [];
  const groups = MENU_GROUPS.map((group) => ({
    ...group,
    visible: group.resources.filter((resource) => ability.can('read', resource)),
  })).filter((group) => group.visible.length + extras(group.key).length > 0);

  return (
    <RaMenu>
      {groups.map((group, index) => [
        open ? (
          // In react-admin's role="menu" list, a group title is text, not a list item (WCAG 1.3.1).
          <ListSubheader
            key={`h-${group.key}`}
            role="presentation"
            disableSticky
            sx={{ lineHeight: '32px', mt: index === 0 ? 0 : 1, bgcolor: 'transparent', fontWeight: 600, textTransform: 'uppercase', fontSize: 12 }}
          >
            {translate(`app.menu.${group.key}`)}
          </ListSubheader>
        ) : (
          index > 0 && <Divider key={`d-${group.key}`} />
        ),
        ...group.visible.map((resource) => <RaMenu.ResourceItem key={resource} name={resource} />),
        ...extras(group.key),
      ])}
    </RaMenu>
  );
}
