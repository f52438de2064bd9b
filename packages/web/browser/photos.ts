/**
 * Up to N photos, made smaller in the browser before upload: at most 1600 px
 * on the long side, re-encoded as JPEG at quality 0.85 (a phone photo drops
 * from several MB to a few hundred KB). A photo the browser cannot decode
 * (e.g. HEIC in some browsers) is sent as it is; the server checks its type.
 */
import { isPhoto } from './photo-bytes.js';
import { fill } from './report-config.js';

export const MAX_SIDE_PX = 1600;
export const JPEG_QUALITY = 0.85;

export interface Photo {
  name: string;
  blob: Blob;
}

const jpegName = (name: string): string => `${name.replace(/\.[^.]*$/, '') || 'photo'}.jpg`;

/** The scale that fits `width`×`height` within `max` on its long side (never enlarges). */
export const fitScale = (width: number, height: number, max = MAX_SIDE_PX): number => Math.min(1, max / Math.max(width, height));

export async function resizePhoto(file: File): Promise<Photo> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return { name: file.name, blob: file };
  }
  const scale = fitScale(bitmap.width, bitmap.height);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) {
    bitmap.close();
    return { name: file.name, blob: file };
  }
  ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY));
  return blob ? { name: jpegName(file.name), blob } : { name: file.name, blob: file };
}

export interface PhotoPickerTexts {
  /** `{max}`, `{name}`: a file past the number of photos. */
  extra: string;
  remove: string;
  preparing: string;
  /** `{name}`: a chosen file whose bytes are not a photo's (photo-bytes.ts). */
  notPhoto: string;
}

/**
 * Wraps the form's file input: chosen files are resized and listed with a
 * preview and a remove button; the input is emptied so more can be added.
 */
export class PhotoPicker {
  readonly #photos: { photo: Photo; url: string }[] = [];

  constructor(
    private readonly input: HTMLInputElement,
    private readonly list: HTMLElement,
    private readonly max: number,
    private readonly texts: PhotoPickerTexts,
    private readonly announce: (text: string) => void,
  ) {
    input.addEventListener('change', () => void this.#add());
  }

  get photos(): readonly Photo[] {
    return this.#photos.map((p) => p.photo);
  }

  /** Photos already prepared (kept in the outbox), shown as if just chosen. */
  addPrepared(photos: readonly Photo[]): void {
    for (const photo of photos.slice(0, Math.max(0, this.max - this.#photos.length))) {
      this.#photos.push({ photo, url: URL.createObjectURL(photo.blob) });
    }
    this.#render();
  }

  async #add(): Promise<void> {
    const chosen = Array.from(this.input.files ?? []);
    this.input.value = '';
    // By the bytes, not the name or type: a text file named .jpg is no photo.
    const verdicts = await Promise.all(chosen.map((f) => isPhoto(f)));
    const files = chosen.filter((_f, i) => verdicts[i]);
    const room = Math.max(0, this.max - this.#photos.length);
    const notes = [
      ...chosen.filter((_f, i) => !verdicts[i]).map((f) => fill(this.texts.notPhoto, { name: f.name })),
      ...files.slice(room).map((f) => fill(this.texts.extra, { max: this.max, name: f.name })),
    ];
    if (room > 0 && files.length > 0) {
      this.announce(this.texts.preparing);
      for (const file of files.slice(0, room)) {
        const photo = await resizePhoto(file);
        this.#photos.push({ photo, url: URL.createObjectURL(photo.blob) });
      }
      this.#render();
    }
    this.announce(notes.join(' '));
  }

  #remove(index: number): void {
    const [gone] = this.#photos.splice(index, 1);
    if (gone) URL.revokeObjectURL(gone.url);
    this.#render();
    this.input.focus();
  }

  #render(): void {
    this.list.replaceChildren(
      ...this.#photos.map(({ photo, url }, i) => {
        const li = document.createElement('li');
        const img = document.createElement('img');
        img.src = url;
        img.alt = photo.name;
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'secondary';
        button.textContent = fill(this.texts.remove, { name: photo.name });
        button.addEventListener('click', () => this.#remove(i));
        li.append(img, button);
        return li;
      }),
    );
  }
}
