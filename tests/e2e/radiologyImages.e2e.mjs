// The radiology-images lesson in a real browser: every step renders its widget from the real sample
// files; a DICOM dropped on the viewer is decoded in the page, probed pixel by pixel, re-windowed by
// preset and by drag; a bad file leaves the previous image in place. Screenshots for the note.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { seriousAxeViolations } from './axe.mjs';
import { openRoute } from './routes.e2e.mjs';

const SHOTS = 'docs/screenshots';

/**
 * A hand-built 8×8 CT slice, explicit VR little endian, signed 16-bit, Rescale Intercept −1024.
 * Quadrants hold known HU: top-left −1000 (air), top-right −100 (fat), bottom-left +40 (soft
 * tissue), bottom-right +1000 (bone). Stored value = HU + 1024.
 */
export function quadrantCt() {
  const parts = [];
  const u16 = (v) => Buffer.from([v & 0xff, (v >> 8) & 0xff]);
  const u32 = (v) => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(v);
    return b;
  };
  const pad = (s, fill) => (s.length % 2 ? s + fill : s);
  // Explicit VR element with a 2-byte length (short VRs).
  const el = (group, element, vr, value) =>
    Buffer.concat([u16(group), u16(element), Buffer.from(vr, 'latin1'), u16(value.length), value]);
  const text = (group, element, vr, s) =>
    el(group, element, vr, Buffer.from(pad(s, vr === 'UI' ? '\0' : ' '), 'latin1'));
  const us = (group, element, v) => el(group, element, 'US', u16(v));
  // (0002,0001) File Meta Information Version: OB has a 4-byte length after 2 reserved bytes.
  const version = Buffer.concat([
    u16(0x0002),
    u16(0x0001),
    Buffer.from('OB'),
    u16(0),
    u32(2),
    Buffer.from([0, 1]),
  ]);
  const metaBody = Buffer.concat([
    version,
    text(0x0002, 0x0002, 'UI', '1.2.840.10008.5.1.4.1.1.2'), // Media Storage SOP Class: CT Image Storage
    text(0x0002, 0x0003, 'UI', '2.25.1234567890'), // Media Storage SOP Instance UID
    text(0x0002, 0x0010, 'UI', '1.2.840.10008.1.2.1'), // Transfer Syntax: explicit VR little endian
  ]);
  const groupLength = el(0x0002, 0x0000, 'UL', u32(metaBody.length)); // (0002,0000) group length
  const rows = 8;
  const cols = 8;
  const hu = (r, c) => (r < 4 ? (c < 4 ? -1000 : -100) : c < 4 ? 40 : 1000);
  const pixels = Buffer.alloc(rows * cols * 2);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) pixels.writeInt16LE(hu(r, c) + 1024, (r * cols + c) * 2);
  const dataset = Buffer.concat([
    text(0x0008, 0x0016, 'UI', '1.2.840.10008.5.1.4.1.1.2'), // SOP Class UID
    text(0x0008, 0x0018, 'UI', '2.25.1234567890'), // SOP Instance UID
    text(0x0008, 0x0060, 'CS', 'CT'), // Modality
    us(0x0028, 0x0002, 1), // Samples per Pixel
    text(0x0028, 0x0004, 'CS', 'MONOCHROME2'), // Photometric Interpretation
    us(0x0028, 0x0010, rows), // Rows
    us(0x0028, 0x0011, cols), // Columns
    text(0x0028, 0x0030, 'DS', '1\\1'), // Pixel Spacing
    us(0x0028, 0x0100, 16), // Bits Allocated
    us(0x0028, 0x0101, 16), // Bits Stored
    us(0x0028, 0x0102, 15), // High Bit
    us(0x0028, 0x0103, 1), // Pixel Representation: signed
    text(0x0028, 0x1050, 'DS', '40'), // Window Center
    text(0x0028, 0x1051, 'DS', '400'), // Window Width
    text(0x0028, 0x1052, 'DS', '-1024'), // Rescale Intercept
    text(0x0028, 0x1053, 'DS', '1'), // Rescale Slope
    // (7FE0,0010) Pixel Data, OW: 2 reserved bytes and a 4-byte length.
    Buffer.concat([u16(0x7fe0), u16(0x0010), Buffer.from('OW'), u16(0), u32(pixels.length), pixels]),
  ]);
  parts.push(Buffer.alloc(128), Buffer.from('DICM'), groupLength, metaBody, dataset);
  return Buffer.concat(parts);
}

/** Drops `bytes` as a file named `name` on the element, through a real DataTransfer. */
async function dropFile(page, target, name, bytes, type = 'application/dicom') {
  const dataTransfer = await page.evaluateHandle(
    ({ name, data, type }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], name, { type }));
      return dt;
    },
    { name, data: [...bytes], type },
  );
  await target.dispatchEvent('dragenter', { dataTransfer });
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
}

/** Hovers over the centre of one quadrant of the (fitted, centred, square) image on the canvas. */
async function hoverQuadrant(page, canvas, quadrant) {
  const box = await canvas.boundingBox();
  const side = Math.min(box.width, box.height);
  const dx = (quadrant % 2 === 0 ? -1 : 1) * (side / 4);
  const dy = (quadrant < 2 ? -1 : 1) * (side / 4);
  await page.mouse.move(box.x + box.width / 2 + dx, box.y + box.height / 2 + dy);
}

const probeText = (page, viewer) => viewer.getByTestId('probe-value').innerText();

export const tests = [
  {
    name: 'radiology-images: every step shows its widget, decoded from the real sample files, with no axe violation',
    async run({ page, app }) {
      await openRoute(page, app, '#/lesson/radiology-images');
      const expectations = [
        ['hu-scale', null],
        ['window-math', 'viewer-canvas'],
        ['ri-viewer', 'viewer-canvas'],
        ['monochrome', 'mono-probe'],
        ['dicom-header', 'phi-count'],
        ['quiz', null],
      ];
      for (let i = 0; i < expectations.length; i++) {
        const [widget, inner] = expectations[i];
        await page.waitForFunction((n) => location.hash.includes(`step=${n}`) || n === 1, i + 1);
        await page.getByTestId(widget).first().waitFor({ timeout: 30_000 });
        if (inner)
          await page.getByTestId(widget).first().getByTestId(inner).first().waitFor({ timeout: 30_000 });
        assert.equal(await page.getByTestId('viewer-alert').count(), 0, `step ${i + 1}: no load error`);
        assert.equal(await page.locator('.widget-error').count(), 0, `step ${i + 1}: no widget error`);
        const violations = await seriousAxeViolations(page);
        assert.deepEqual(violations, [], `step ${i + 1}: axe ${JSON.stringify(violations, null, 1)}`);
        if (widget === 'monochrome') {
          // The same stored value is shown as g (MONOCHROME2) and 255 − g (MONOCHROME1).
          const [g2, g1] = await page.evaluate(() =>
            ['mono2', 'mono1'].map((id) => {
              const c = document.querySelector(`[data-testid="${id}"]`);
              const px = c
                .getContext('2d')
                .getImageData(Math.floor(c.width / 4), Math.floor(c.height / 2), 1, 1);
              return px.data[0];
            }),
          );
          assert.equal(g1, 255 - g2, `MONOCHROME1 inverts MONOCHROME2: ${g2} vs ${g1}`);
          assert.match(
            await page.getByTestId('mono-probe').innerText(),
            new RegExp(`grey level ${g2} .* ${g1} `),
          );
          mkdirSync(SHOTS, { recursive: true });
          await page.getByTestId('monochrome').screenshot({ path: `${SHOTS}/monochrome.png` });
        }
        if (i < expectations.length - 1) await page.getByTestId('step-next').click();
      }
      // The HU calculator turns the default µ (water) into 0 HU.
      await openRoute(page, app, '#/lesson/radiology-images?step=1');
      assert.match(await page.getByTestId('hu-result').innerText(), /0 HU/);
    },
  },
  {
    name: 'radiology-images: drop a DICOM on the viewer, probe pixels, change the window; a bad file keeps the image',
    async run({ page, app }) {
      await openRoute(page, app, '#/lesson/radiology-images?step=3');
      const viewer = page.getByTestId('ri-viewer').getByTestId('viewer');
      const canvas = viewer.getByTestId('viewer-canvas');
      await canvas.waitFor();
      await dropFile(page, viewer, 'quadrants.dcm', quadrantCt());
      await viewer.getByText('quadrants.dcm').first().waitFor({ timeout: 30_000 });
      // Probe each quadrant: the values come from the file's bytes (stored + intercept).
      const expected = ['\u22121000 HU', '\u2212100 HU', '40 HU', '1000 HU'];
      for (let q = 0; q < 4; q++) {
        await hoverQuadrant(page, canvas, q);
        await page.waitForFunction(
          ([want]) =>
            document
              .querySelector('[data-testid="ri-viewer"] [data-testid="probe-value"]')
              ?.textContent?.includes(want),
          [expected[q]],
          { timeout: 10_000 },
        );
        assert.ok((await probeText(page, viewer)).includes(expected[q]), `quadrant ${q}`);
      }
      // A preset writes the window into the link.
      await viewer.getByRole('button', { name: /^Lung/ }).click();
      await page.waitForFunction(
        () => location.hash.includes('wc=-600') && location.hash.includes('ww=1500'),
      );
      // Dragging horizontally widens the window.
      const box = await canvas.boundingBox();
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2 + 80, box.y + box.height / 2, { steps: 8 });
      await page.mouse.up();
      await page.waitForFunction(() => !location.hash.includes('ww=1500'));
      const ww = Number(new URL(page.url().replace('#/', '')).searchParams.get('ww'));
      assert.ok(ww > 1500, `drag right widened the window: ww=${ww}`);
      mkdirSync(SHOTS, { recursive: true });
      await page.getByTestId('ri-viewer').screenshot({ path: `${SHOTS}/viewer-dropped.png` });
      // A PDF is refused with a clear message; the dropped image stays.
      await dropFile(
        page,
        viewer,
        'report.pdf',
        Buffer.from('%PDF-1.4\n% a report, not an image\n'),
        'application/pdf',
      );
      const alert = viewer.getByTestId('viewer-alert');
      await alert.waitFor();
      assert.match(await alert.innerText(), /PDF/);
      await hoverQuadrant(page, canvas, 3);
      await page.waitForFunction(() =>
        document
          .querySelector('[data-testid="ri-viewer"] [data-testid="probe-value"]')
          ?.textContent?.includes('1000 HU'),
      );
      // Reopen the sample gallery's chest CT and take the picture for the README.
      await openRoute(page, app, '#/lesson/radiology-images?step=3&sample=chest-ct-nodule&wc=-600&ww=1500');
      await page.getByTestId('ri-viewer').getByTestId('viewer-canvas').waitFor();
      await page.waitForTimeout(500);
      await page.getByTestId('ri-viewer').screenshot({ path: `${SHOTS}/viewer-lung-window.png` });
    },
  },
];

/** The gallery's phantoms side by side, from the PNGs `npm run samples` wrote (for the README and notes). */
tests.push({
  name: 'radiology-images: the phantom gallery (screenshot of every sample at its default window)',
  async run({ page, app }) {
    await openRoute(page, app, '#/lesson/radiology-images?step=3');
    const manifest = await page.evaluate(async () => (await fetch('./samples/manifest.json')).json());
    assert.ok(manifest.samples.length >= 8, 'at least 8 samples');
    const modalities = new Set(manifest.samples.map((s) => s.modality));
    for (const m of ['CT', 'MR', 'DX']) assert.ok(modalities.has(m), `a ${m} sample`);
    assert.ok(manifest.samples.some((s) => s.hasLesion) && manifest.samples.some((s) => !s.hasLesion));
    await page.evaluate((samples) => {
      const grid = document.createElement('div');
      grid.id = 'phantom-grid';
      grid.style.cssText =
        'display:grid;grid-template-columns:repeat(3,256px);gap:6px;background:#000;padding:6px;width:max-content';
      for (const s of samples) {
        const fig = document.createElement('figure');
        fig.style.cssText = 'margin:0;color:#fff;font:13px sans-serif';
        const img = document.createElement('img');
        img.src = `./samples/${s.png}`;
        img.alt = s.title.en;
        img.width = 256;
        img.height = 256;
        img.style.objectFit = 'contain';
        const cap = document.createElement('figcaption');
        cap.textContent = s.title.en;
        fig.append(img, cap);
        grid.append(fig);
      }
      document.body.replaceChildren(grid);
    }, manifest.samples);
    await page.waitForFunction(() => [...document.images].every((i) => i.complete && i.naturalWidth > 0));
    mkdirSync(SHOTS, { recursive: true });
    await page.locator('#phantom-grid').screenshot({ path: `${SHOTS}/phantoms.png` });
  },
});
