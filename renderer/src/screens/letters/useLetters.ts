// The letters screen's state and calls: the route's one pupil, the templates, the folder, step 1's choices, the
// candidates they find, who is chosen, and the preview and batch.
import { useEffect, useState } from 'react';
import { useHashRoute, useRpc } from '../../hooks';
import { useLetterChoice } from './useLetterChoice';
import { useLetterSelection } from './useLetterSelection';
import { useLetterBatch } from './useLetterBatch';

/** The folder the letters are saved in, the core's default until the user chooses one. */
function useDefaultFolder() {
  const folderQ = useRpc('letters.defaultFolder', {});
  const [folder, setFolder] = useState('');
  useEffect(() => {
    if (folderQ.data && !folder) {
      setFolder(folderQ.data.folder);
    }
  }, [folderQ.data, folder]);
  return { folder, setFolder };
}

export function useLetters(today: string) {
  const route = useHashRoute();
  const onePupil = route[1] === 'pupil' && Number(route[2]) > 0 ? Number(route[2]) : null;
  const templates = useRpc('letters.templates', {});
  const { folder, setFolder } = useDefaultFolder();
  const choice = useLetterChoice(today, onePupil, templates.data?.templates);
  const { template, band, yearGroup, from, to } = choice;
  const cand = useRpc(
    'letters.candidates',
    {
      template,
      band,
      from,
      to,
      ...(yearGroup ? { yearGroup: yearGroup as never } : {}),
      ...(onePupil ? { pupilIds: [onePupil] } : {}),
    },
    { enabled: !!from && !!to },
  );
  // Who is ticked, the preview and the batch start again whenever these change
  const choiceKey = JSON.stringify([template, band, yearGroup, from, to, onePupil]);
  const selection = useLetterSelection(cand.data?.pupils ?? [], choice, choiceKey);
  const batch = useLetterBatch(selection.request, folder, choiceKey, () => void cand.refetch());
  return { onePupil, templates, folder, setFolder, choice, cand, selection, batch };
}
