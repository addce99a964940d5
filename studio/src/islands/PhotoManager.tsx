import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import {
  clampCrop,
  rotatedSize,
  type CropBox,
  type Rotation,
  type Size,
} from '../../../src/lib/photos/photo-edit.ts';
import { thumbnailAlt } from '../../../src/lib/studio/thumbnail-alt.ts';
// Outside islands/: the React transform takes every file there for JSX.
import '../styles/photo-manager.css';

/**
 * The photos of the edit form. The server renders it first as plain inputs and buttons that post
 * the form (move, turn, crop by numbers, remove), so it all works without JavaScript; in the
 * browser the same inputs become live: turning and cropping show a preview, a crop box can be
 * dragged, photos move by drag or Alt+Up/Down, and chosen files show before saving. Only numbers
 * are posted: the server checks them and does the turning and cropping itself.
 */
export interface ManagedPhoto {
  src: string;
  /** The studio's small copy of the photo. */
  url: string;
  alt: string;
  caption: string;
  kind: string;
  taken: string;
  /** The Welsh twins of alt and caption, if any. */
  'welsh.alt'?: string | undefined;
  'welsh.caption'?: string | undefined;
  /** As stored, in pixels. */
  width: number;
  height: number;
  errors: Record<
    'src' | 'alt' | 'caption' | 'kind' | 'taken' | 'crop' | 'welsh.alt' | 'welsh.caption',
    string[]
  >;
}

interface Props {
  photos: ManagedPhoto[];
  groupErrors: string[];
  uploadErrors: string[];
  help: { photos?: string | undefined; alt?: string | undefined; kind?: string | undefined };
  kinds: Array<{ value: string; label: string }>;
  minShortSide: number;
  /** Whether the settings require the Welsh twins (`languages.requireWelsh`). */
  requireWelsh: boolean;
}

interface Item extends ManagedPhoto {
  key: string;
  rotate: Rotation;
  crop: CropBox | undefined;
}

interface NewFile {
  url: string;
  name: string;
  alt: string;
  rotate: Rotation;
}

const inputId = (name: string) => `f-${name.replace(/[^\w]+/g, '-')}`;

/** The Welsh twin of a photo's text, beside the English: typed in Welsh, so marked lang="cy". */
function WelshTwin(props: {
  id: string;
  name: string;
  label: string;
  value: string;
  errors: string[];
  /** `with-english`: required when its English twin is filled in (the settings require both). */
  required: boolean | 'with-english';
}) {
  const { id, name, label, value, errors, required } = props;
  return (
    <div className={`field${errors.length > 0 ? ' field--error' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required === 'with-english'
          ? ' (required when there is a caption)'
          : required
            ? ' (required)'
            : ' (optional)'}
      </label>
      <Errors id={`${id}-error`} errors={errors} />
      <input
        type="text"
        id={id}
        name={name}
        lang="cy"
        defaultValue={value}
        aria-invalid={errors.length > 0 ? 'true' : undefined}
        aria-describedby={errors.length > 0 ? `${id}-error` : undefined}
      />
    </div>
  );
}

/** The README's help text, with its `code` parts as <code>. */
function Help({ id, text }: { id: string; text: string }) {
  return (
    <span className="help" id={id}>
      {text
        .split(/(`[^`]+`)/)
        .filter(Boolean)
        .map((part, i) =>
          part.startsWith('`') && part.endsWith('`') ? <code key={i}>{part.slice(1, -1)}</code> : part,
        )}
    </span>
  );
}

function Errors({ id, errors }: { id: string; errors: readonly string[] }) {
  if (errors.length === 0) return null;
  return (
    <span className="error-message" id={id}>
      {errors.map((message, i) => (
        <span key={i}>
          {i > 0 && <br />}
          <span className="visually-hidden">Error: </span>
          {message}
        </span>
      ))}
    </span>
  );
}

/** The SVG transform that draws a width × height image turned clockwise by `rotate`. */
function turn(rotate: Rotation, size: Size): string | undefined {
  if (rotate === 90) return `translate(${size.height} 0) rotate(90)`;
  if (rotate === 180) return `translate(${size.width} ${size.height}) rotate(180)`;
  if (rotate === 270) return `translate(0 ${size.width}) rotate(270)`;
  return undefined;
}

function TurnedImage({ item }: { item: Item }) {
  return (
    <image
      href={item.url}
      width={item.width}
      height={item.height}
      preserveAspectRatio="none"
      transform={turn(item.rotate, item)}
    />
  );
}

type Drag = { mode: 'move' | 'resize'; startX: number; startY: number; from: CropBox };

/** The turned photo with its crop box, which a pointer can move (inside) and resize (corner). */
function CropFrame({ item, index, onCrop }: { item: Item; index: number; onCrop: (crop: CropBox) => void }) {
  const svg = useRef<SVGSVGElement>(null);
  const drag = useRef<Drag | undefined>(undefined);
  const size = rotatedSize(item, item.rotate);
  const box = item.crop ?? { left: 0, top: 0, width: size.width, height: size.height };
  const handle = Math.max(24, Math.round(Math.min(size.width, size.height) / 12));
  const scale = () => size.width / (svg.current?.getBoundingClientRect().width || size.width);
  const start = (mode: Drag['mode']) => (event: PointerEvent<SVGElement>) => {
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { mode, startX: event.clientX, startY: event.clientY, from: box };
  };
  const move = (event: PointerEvent<SVGElement>) => {
    const d = drag.current;
    if (!d) return;
    const dx = (event.clientX - d.startX) * scale();
    const dy = (event.clientY - d.startY) * scale();
    if (d.mode === 'move') {
      const left = Math.min(Math.max(d.from.left + dx, 0), size.width - d.from.width);
      const top = Math.min(Math.max(d.from.top + dy, 0), size.height - d.from.height);
      onCrop(clampCrop({ ...d.from, left, top }, size));
    } else onCrop(clampCrop({ ...d.from, width: d.from.width + dx, height: d.from.height + dy }, size));
  };
  const end = () => (drag.current = undefined);
  const outside = `M0 0H${size.width}V${size.height}H0Z M${box.left} ${box.top}v${box.height}h${box.width}v${-box.height}Z`;
  return (
    <svg
      ref={svg}
      className="crop-frame"
      viewBox={`0 0 ${size.width} ${size.height}`}
      role="img"
      aria-label={`${thumbnailAlt(item.alt, index)}, with the crop box`}
    >
      <TurnedImage item={item} />
      <path d={outside} fillRule="evenodd" fill="#0b0c0c" fillOpacity="0.55" />
      <rect
        className="crop-box"
        x={box.left}
        y={box.top}
        width={box.width}
        height={box.height}
        fill="transparent"
        stroke="#ffdd00"
        strokeWidth={Math.max(2, handle / 6)}
        onPointerDown={start('move')}
        onPointerMove={move}
        onPointerUp={end}
        data-crop-box
      />
      <rect
        className="crop-handle"
        x={box.left + box.width - handle}
        y={box.top + box.height - handle}
        width={handle}
        height={handle}
        fill="#ffdd00"
        stroke="#0b0c0c"
        onPointerDown={start('resize')}
        onPointerMove={move}
        onPointerUp={end}
        data-crop-handle
      />
    </svg>
  );
}

/** The photo as it will be stored: turned and cropped. */
function ResultPreview({ item, index }: { item: Item; index: number }) {
  const size = rotatedSize(item, item.rotate);
  const box = item.crop ?? { left: 0, top: 0, width: size.width, height: size.height };
  return (
    <figure className="photo-result" data-result-preview>
      <svg
        viewBox={`${box.left} ${box.top} ${box.width} ${box.height}`}
        role="img"
        aria-label={`${thumbnailAlt(item.alt, index)}, as it will be saved`}
      >
        <TurnedImage item={item} />
      </svg>
      <figcaption>
        Preview: {box.width} × {box.height} pixels. Not saved yet: press "Save draft" to keep it.
      </figcaption>
    </figure>
  );
}

export default function PhotoManager({
  photos,
  groupErrors,
  uploadErrors,
  help,
  kinds,
  minShortSide,
  requireWelsh,
}: Props) {
  const [live, setLive] = useState(false);
  const [items, setItems] = useState<Item[]>(() =>
    photos.map((p, i) => ({ ...p, key: `${i}:${p.src}`, rotate: 0, crop: undefined })),
  );
  const [announcement, setAnnouncement] = useState('');
  const [files, setFiles] = useState<NewFile[]>([]);
  // Dragging uses pointer events, not HTML drag and drop, so it works with a finger on a phone too.
  const dragged = useRef<number | undefined>(undefined);
  const [dropTarget, setDropTarget] = useState<number | undefined>(undefined);
  const itemAt = (x: number, y: number): number | undefined => {
    const item = document.elementFromPoint(x, y)?.closest('[data-photo-key]');
    const index = item ? [...(item.parentElement?.children ?? [])].indexOf(item) : -1;
    return index === -1 ? undefined : index;
  };
  const refocus = useRef<{ key: string; element: HTMLElement } | undefined>(undefined);

  useEffect(() => setLive(true), []);
  // Object URLs live until other files are chosen or the page goes.
  const urls = useRef<string[]>([]);
  useEffect(() => () => urls.current.forEach((url) => URL.revokeObjectURL(url)), []);
  const changeFile = (k: number, change: Partial<NewFile>) =>
    setFiles((current) => current.map((f, j) => (j === k ? { ...f, ...change } : f)));
  // A moved photo keeps the keyboard focus on the control that moved it (or its pair at the ends).
  useLayoutEffect(() => {
    const target = refocus.current;
    if (!target) return;
    refocus.current = undefined;
    const { element } = target;
    if (element.isConnected && !(element as HTMLButtonElement).disabled) {
      if (document.activeElement !== element) element.focus();
      return;
    }
    const item = document.querySelector(`[data-photo-key="${CSS.escape(target.key)}"]`);
    item?.querySelector<HTMLElement>('[data-control^="move-"]:not(:disabled)')?.focus();
  });

  const update = (key: string, change: Partial<Item>) =>
    setItems((current) => current.map((it) => (it.key === key ? { ...it, ...change } : it)));

  /** Moves a photo; `focused` (the control used) keeps the focus, or its pair at the ends of the list. */
  const moveTo = (from: number, to: number, focused?: HTMLElement) => {
    if (to < 0 || to >= items.length || from === to) return;
    const next = [...items];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved!);
    setItems(next);
    if (focused) refocus.current = { key: moved!.key, element: focused };
    setAnnouncement(
      `Photo ${from + 1} moved to position ${to + 1}${to === 0 ? ': it is now the main photo' : ''}.`,
    );
  };

  const onItemKey = (index: number) => (event: KeyboardEvent<HTMLLIElement>) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    moveTo(index, index + (event.key === 'ArrowUp' ? -1 : 1), event.target as HTMLElement);
  };

  const turnBy = (item: Item, quarter: 90 | 270) =>
    update(item.key, { rotate: ((item.rotate + quarter) % 360) as Rotation, crop: undefined });

  const setCropField = (item: Item, field: keyof CropBox, text: string) => {
    const size = rotatedSize(item, item.rotate);
    const from = item.crop ?? { left: 0, top: 0, width: size.width, height: size.height };
    const value = text.trim() === '' ? 0 : Number(text);
    if (!Number.isFinite(value)) return;
    update(item.key, { crop: clampCrop({ ...from, [field]: value }, size) });
  };

  return (
    <>
      {help.photos && <Help id="photos-help" text={help.photos} />}
      <Errors id="photos-error" errors={groupErrors} />
      {items.length === 0 ? (
        <p>No photos yet. Add at least one below.</p>
      ) : (
        <p className="hint" id="photos-order-hint">
          The first photo is the main photo: it is shown first on the appeal and on the share card.
          {live &&
            ' To move a photo, drag it, use its move buttons, or press Alt with the up or down arrow key.'}
        </p>
      )}
      <p className="visually-hidden" role="status" aria-live="polite" data-announce>
        {announcement}
      </p>
      <ol className="photo-list">
        {items.map((item, i) => {
          const base = `photos[${i}]`;
          const id = (key: string) => inputId(`${base}.${key}`);
          const size = rotatedSize(item, item.rotate);
          const edited = item.rotate !== 0 || item.crop !== undefined;
          const cropValue = (key: keyof CropBox) => (item.crop ? String(item.crop[key]) : '');
          return (
            <li
              key={item.key}
              className="photo-item"
              data-photo-key={item.key}
              data-src={item.src}
              onKeyDown={onItemKey(i)}
              data-drop-target={dropTarget === i && dragged.current !== i ? '' : undefined}
            >
              <div>
                {live && item.width > 0 ? (
                  <CropFrame item={item} index={i} onCrop={(crop) => update(item.key, { crop })} />
                ) : (
                  <img src={item.url} alt={thumbnailAlt(item.alt, i)} width="160" height="200" />
                )}
                <p className="muted">
                  Photo {i + 1}
                  {i === 0 ? ' (main photo)' : ''}
                </p>
                {live && (
                  <span
                    className="drag-handle"
                    onPointerDown={(event) => {
                      event.preventDefault();
                      event.currentTarget.setPointerCapture(event.pointerId);
                      dragged.current = i;
                      setDropTarget(i);
                    }}
                    onPointerMove={(event) => {
                      if (dragged.current === undefined) return;
                      const over = itemAt(event.clientX, event.clientY);
                      if (over !== undefined) setDropTarget(over);
                    }}
                    onPointerUp={(event) => {
                      const from = dragged.current;
                      const to = itemAt(event.clientX, event.clientY);
                      dragged.current = undefined;
                      setDropTarget(undefined);
                      if (from !== undefined && to !== undefined) moveTo(from, to);
                    }}
                    onPointerCancel={() => {
                      dragged.current = undefined;
                      setDropTarget(undefined);
                    }}
                    data-drag-handle
                  >
                    Drag to move
                  </span>
                )}
                {live && edited && <ResultPreview item={item} index={i} />}
                <input type="hidden" name={`${base}.src`} value={item.src} />
                <Errors id={`${id('src')}-error`} errors={item.errors.src} />
              </div>
              <div>
                <div className="field-pair" data-field-pair>
                  <div className={`field${item.errors.alt.length > 0 ? ' field--error' : ''}`}>
                    <label htmlFor={id('alt')}>
                      Describe photo {i + 1} for people who cannot see it (required)
                    </label>
                    {help.alt && <Help id={`${id('alt')}-help`} text={help.alt} />}
                    <Errors id={`${id('alt')}-error`} errors={item.errors.alt} />
                    <input
                      type="text"
                      id={id('alt')}
                      name={`${base}.alt`}
                      defaultValue={item.alt}
                      onChange={(event) => update(item.key, { alt: event.target.value })}
                      aria-invalid={item.errors.alt.length > 0 ? 'true' : undefined}
                      aria-describedby={
                        [help.alt && `${id('alt')}-help`, item.errors.alt.length > 0 && `${id('alt')}-error`]
                          .filter(Boolean)
                          .join(' ') || undefined
                      }
                    />
                  </div>
                  <WelshTwin
                    id={id('welsh.alt')}
                    name={`${base}.welsh.alt`}
                    label={`Describe photo ${i + 1}, in Welsh (Cymraeg)`}
                    value={item['welsh.alt'] ?? ''}
                    errors={item.errors['welsh.alt']}
                    required={requireWelsh}
                  />
                </div>
                <div className="field-pair" data-field-pair>
                  <div className={`field${item.errors.caption.length > 0 ? ' field--error' : ''}`}>
                    <label htmlFor={id('caption')}>Caption (optional)</label>
                    <Errors id={`${id('caption')}-error`} errors={item.errors.caption} />
                    <input
                      type="text"
                      id={id('caption')}
                      name={`${base}.caption`}
                      defaultValue={item.caption}
                    />
                  </div>
                  <WelshTwin
                    id={id('welsh.caption')}
                    name={`${base}.welsh.caption`}
                    label={`Caption, in Welsh (Cymraeg)`}
                    value={item['welsh.caption'] ?? ''}
                    errors={item.errors['welsh.caption']}
                    required={requireWelsh ? 'with-english' : false}
                  />
                </div>
                <div className={`field${item.errors.kind.length > 0 ? ' field--error' : ''}`}>
                  <label htmlFor={id('kind')}>What kind of picture</label>
                  {help.kind && <Help id={`${id('kind')}-help`} text={help.kind} />}
                  <Errors id={`${id('kind')}-error`} errors={item.errors.kind} />
                  <select
                    id={id('kind')}
                    name={`${base}.kind`}
                    defaultValue={item.kind === '' ? 'photo' : item.kind}
                    aria-describedby={help.kind ? `${id('kind')}-help` : undefined}
                  >
                    {kinds.map((kind) => (
                      <option key={kind.value} value={kind.value}>
                        {kind.label}
                      </option>
                    ))}
                  </select>
                </div>
                <div className={`field${item.errors.taken.length > 0 ? ' field--error' : ''}`}>
                  <label htmlFor={id('taken')}>When it was taken or made (optional)</label>
                  <span className="hint" id={`${id('taken')}-hint`}>
                    Like 2026-04, or 2026-04-12
                  </span>
                  <Errors id={`${id('taken')}-error`} errors={item.errors.taken} />
                  <input
                    type="text"
                    className="short"
                    id={id('taken')}
                    name={`${base}.taken`}
                    defaultValue={item.taken}
                    aria-describedby={`${id('taken')}-hint`}
                    aria-invalid={item.errors.taken.length > 0 ? 'true' : undefined}
                  />
                </div>
                {item.width > 0 && (
                  <fieldset className="photo-edit">
                    <legend>Turn or crop photo {i + 1}</legend>
                    <div className="button-row">
                      <button
                        type={live ? 'button' : 'submit'}
                        name={live ? undefined : 'action'}
                        value={live ? undefined : `photo-rotate-left:${i}`}
                        className="button button--secondary"
                        onClick={live ? () => turnBy(item, 270) : undefined}
                        data-control="rotate-left"
                      >
                        Rotate photo {i + 1} left
                      </button>
                      <button
                        type={live ? 'button' : 'submit'}
                        name={live ? undefined : 'action'}
                        value={live ? undefined : `photo-rotate-right:${i}`}
                        className="button button--secondary"
                        onClick={live ? () => turnBy(item, 90) : undefined}
                        data-control="rotate-right"
                      >
                        Rotate photo {i + 1} right
                      </button>
                    </div>
                    <input type="hidden" name={`${base}.rotate`} value={String(item.rotate)} />
                    <span className="hint" id={`${id('crop')}-hint`}>
                      To crop, give the part of the photo to keep, in pixels: how far from the left and the
                      top it starts, and its width and height. The photo is {size.width} × {size.height}{' '}
                      pixels{item.rotate !== 0 ? ' once turned' : ''}. Keep at least {minShortSide} pixels on
                      the short side. Leave all four empty to keep the whole photo.
                    </span>
                    <Errors id={`${id('crop')}-error`} errors={item.errors.crop} />
                    <div className="crop-inputs">
                      {(
                        [
                          ['left', 'From the left'],
                          ['top', 'From the top'],
                          ['width', 'Width'],
                          ['height', 'Height'],
                        ] as const
                      ).map(([key, label]) => (
                        <div className="field" key={key}>
                          <label htmlFor={id(`crop.${key}`)}>
                            {label}
                            <span className="visually-hidden"> of the crop of photo {i + 1}</span>
                          </label>
                          <input
                            type="number"
                            inputMode="numeric"
                            min="0"
                            step="1"
                            className="short"
                            id={id(`crop.${key}`)}
                            name={`${base}.crop.${key}`}
                            value={cropValue(key)}
                            onChange={(event) => setCropField(item, key, event.target.value)}
                            aria-describedby={[
                              `${id('crop')}-hint`,
                              item.errors.crop.length > 0 && `${id('crop')}-error`,
                            ]
                              .filter(Boolean)
                              .join(' ')}
                            aria-invalid={item.errors.crop.length > 0 ? 'true' : undefined}
                          />
                        </div>
                      ))}
                    </div>
                    <div className="button-row">
                      {live ? (
                        edited && (
                          <button
                            type="button"
                            className="button button--secondary"
                            onClick={() => update(item.key, { rotate: 0, crop: undefined })}
                            data-control="undo-edit"
                          >
                            Undo the turn and crop of photo {i + 1}
                          </button>
                        )
                      ) : (
                        <button
                          type="submit"
                          name="action"
                          value={`photo-crop:${i}`}
                          className="button button--secondary"
                        >
                          Crop photo {i + 1}
                        </button>
                      )}
                    </div>
                  </fieldset>
                )}
                <div className="button-row">
                  {(live || i > 0) && (
                    <button
                      type={live ? 'button' : 'submit'}
                      name={live ? undefined : 'action'}
                      value={live ? undefined : `photo-up:${i}`}
                      className="button button--secondary"
                      disabled={live && i === 0 ? true : undefined}
                      onClick={live ? (event) => moveTo(i, i - 1, event.currentTarget) : undefined}
                      data-control="move-up"
                    >
                      Move photo {i + 1} up
                    </button>
                  )}
                  {(live || i < items.length - 1) && (
                    <button
                      type={live ? 'button' : 'submit'}
                      name={live ? undefined : 'action'}
                      value={live ? undefined : `photo-down:${i}`}
                      className="button button--secondary"
                      disabled={live && i === items.length - 1 ? true : undefined}
                      onClick={live ? (event) => moveTo(i, i + 1, event.currentTarget) : undefined}
                      data-control="move-down"
                    >
                      Move photo {i + 1} down
                    </button>
                  )}
                  <button
                    type="submit"
                    name="action"
                    value={`photo-remove:${i}`}
                    className="button button--danger-outline"
                  >
                    Remove photo {i + 1}
                  </button>
                </div>
              </div>
            </li>
          );
        })}
      </ol>
      <div className={`field${uploadErrors.length > 0 ? ' field--error' : ''}`}>
        <label htmlFor="f-upload">Add photos</label>
        <span className="hint" id="f-upload-hint">
          Photos from a phone or camera (JPEG, PNG, WebP, AVIF, or HEIC from an iPhone), at least{' '}
          {minShortSide} pixels on the short side. The studio turns them upright, removes hidden camera and
          location details, and gives them neutral file names. Choose the files, then press "Save draft".
        </span>
        <Errors id="f-upload-error" errors={uploadErrors} />
        <input
          type="file"
          id="f-upload"
          name="upload"
          accept="image/jpeg,image/png,image/webp,image/avif,image/heic,image/heif,.heic,.heif"
          multiple
          onChange={(event) => {
            urls.current.forEach((url) => URL.revokeObjectURL(url));
            const chosen = [...(event.target.files ?? [])].map((file): NewFile => ({
              url: URL.createObjectURL(file),
              name: file.name,
              alt: '',
              rotate: 0,
            }));
            urls.current = chosen.map((f) => f.url);
            setFiles(chosen);
          }}
          aria-describedby={['f-upload-hint', uploadErrors.length > 0 && 'f-upload-error']
            .filter(Boolean)
            .join(' ')}
        />
      </div>
      {files.length > 0 && (
        <div className="upload-previews" data-upload-previews>
          <h3>
            Not saved yet: {files.length === 1 ? 'this photo is' : `these ${files.length} photos are`} added
            when you save
          </h3>
          <ol>
            {files.map((file, k) => {
              const heic = /\.hei[cf]$/i.test(file.name);
              const label = file.alt.trim() || `New photo ${k + 1} (no description yet)`;
              return (
                <li key={file.url}>
                  {heic ? (
                    <p className="muted">{file.name}: an iPhone photo, shown once saved.</p>
                  ) : (
                    <div className="upload-preview">
                      <img
                        src={file.url}
                        alt={label}
                        className={`turn-${file.rotate}`}
                        data-turn={file.rotate}
                      />
                    </div>
                  )}
                  <div>
                    <div className="field">
                      <label htmlFor={`f-upload-alt-${k}`}>
                        Describe new photo {k + 1} ({file.name}) for people who cannot see it
                      </label>
                      <input
                        type="text"
                        id={`f-upload-alt-${k}`}
                        name="uploadAlt"
                        value={file.alt}
                        onChange={(event) => changeFile(k, { alt: event.target.value })}
                      />
                    </div>
                    <input type="hidden" name="uploadRotate" value={String(file.rotate)} />
                    <div className="button-row">
                      <button
                        type="button"
                        className="button button--secondary"
                        onClick={() => changeFile(k, { rotate: ((file.rotate + 270) % 360) as Rotation })}
                      >
                        Rotate new photo {k + 1} left
                      </button>
                      <button
                        type="button"
                        className="button button--secondary"
                        onClick={() => changeFile(k, { rotate: ((file.rotate + 90) % 360) as Rotation })}
                      >
                        Rotate new photo {k + 1} right
                      </button>
                    </div>
                  </div>
                </li>
              );
            })}
          </ol>
        </div>
      )}
    </>
  );
}
