// Photos without location and camera data, before Decap uploads them.
//
// A phone photo tells where it was taken (GPS), with which camera (make,
// model, serial number) and sometimes by whom. Decap commits an uploaded
// file as it came. This script sees the choice of a file first (a
// capture-phase `change` listener on window, before React's listener on
// its root), replaces each JPEG, PNG or WebP in the input by a copy without
// that data, and hands the event on. Nothing is decoded or re-encoded: the
// picture's own bytes stay as they are, so the photo loses nothing. Kept:
// what shows the picture right (JPEG's JFIF, ICC colour profile and Adobe
// colour segments; PNG's and WebP's colour and transparency chunks) and the
// orientation, written anew as the only Exif tag, so the photo stays upright.
// GIF loses its comments and other application blocks. HEIC, HEIF, AVIF
// and TIFF cannot be cleaned here: the editor is asked for a JPEG instead.
// Other files (PDF, SVG) pass unchanged. What is kept is what
// werkplaats/content/photo_metadata.py (make check) accepts.
(function () {
  "use strict";

  function ascii(bytes, start, length) {
    var text = "";
    for (var i = start; i < start + length && i < bytes.length; i++) text += String.fromCharCode(bytes[i]);
    return text;
  }

  function concat(parts) {
    var size = 0;
    parts.forEach(function (part) { size += part.length; });
    var out = new Uint8Array(size), at = 0;
    parts.forEach(function (part) { out.set(part, at); at += part.length; });
    return out;
  }

  // --- Exif: only the orientation --------------------------------------------

  // The Orientation tag (0x0112) of IFD0 in a TIFF structure, 1 when absent.
  function orientationOf(bytes, start) {
    if (ascii(bytes, start, 6) === "Exif\0\0") start += 6;
    var order = ascii(bytes, start, 2);
    if (order !== "II" && order !== "MM") return 1;
    var little = order === "II";
    function u16(at) { return little ? bytes[at] | (bytes[at + 1] << 8) : (bytes[at] << 8) | bytes[at + 1]; }
    function u32(at) { return little ? (u16(at) | (u16(at + 2) << 16)) >>> 0 : ((u16(at) << 16) | u16(at + 2)) >>> 0; }
    if (start + 8 > bytes.length) return 1;
    var ifd = start + u32(start + 4);
    if (ifd + 2 > bytes.length) return 1;
    var count = u16(ifd);
    for (var i = 0; i < count; i++) {
      var entry = ifd + 2 + i * 12;
      if (entry + 12 > bytes.length) return 1;
      if (u16(entry) === 0x0112 && u16(entry + 2) === 3) {
        var value = u16(entry + 8);
        return value >= 1 && value <= 8 ? value : 1;
      }
    }
    return 1;
  }

  // A TIFF structure with one tag, Orientation, big-endian (26 bytes).
  function orientationOnly(orientation) {
    return new Uint8Array([
      0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08, // "MM", 42, IFD0 at 8
      0x00, 0x01, // one entry
      0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, orientation, 0x00, 0x00, // Orientation, SHORT, 1
      0x00, 0x00, 0x00, 0x00 // no next IFD
    ]);
  }

  // --- JPEG -------------------------------------------------------------------

  // APPn segments kept, by their identifier: they decide how the picture shows.
  var JPEG_KEPT = { 0xe0: ["JFIF\0"], 0xe2: ["ICC_PROFILE\0"], 0xee: ["Adobe"] };

  function cleanJpeg(bytes) {
    var parts = [bytes.subarray(0, 2)], pos = 2, orientation = 1, exifAt = -1;
    while (true) {
      if (pos + 1 >= bytes.length || bytes[pos] !== 0xff) throw new Error("JPEG zonder einde");
      while (bytes[pos + 1] === 0xff) pos++; // fill bytes
      var marker = bytes[pos + 1];
      if (marker === 0xd9) { // EOI: what follows (a phone's video, a second picture) is left out
        parts.push(bytes.subarray(pos, pos + 2));
        break;
      }
      if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
        parts.push(bytes.subarray(pos, pos + 2));
        pos += 2;
        continue;
      }
      var end = pos + 2 + ((bytes[pos + 2] << 8) | bytes[pos + 3]);
      if (end > bytes.length) throw new Error("JPEG afgebroken");
      if (marker === 0xda) { // SOS: its header, then the coded picture up to the next marker
        var scan = end;
        while (scan + 1 < bytes.length && !(bytes[scan] === 0xff && bytes[scan + 1] !== 0 && !(bytes[scan + 1] >= 0xd0 && bytes[scan + 1] <= 0xd7))) scan++;
        parts.push(bytes.subarray(pos, scan));
        pos = scan;
        continue;
      }
      var keep = true;
      if (marker >= 0xe0 && marker <= 0xef) {
        var ids = JPEG_KEPT[marker] || [];
        keep = ids.some(function (id) { return ascii(bytes, pos + 4, id.length) === id; });
        if (marker === 0xe1 && ascii(bytes, pos + 4, 6) === "Exif\0\0" && exifAt < 0) {
          orientation = orientationOf(bytes.subarray(pos + 4, end), 0);
          exifAt = parts.length;
        }
      } else if (marker === 0xfe) {
        keep = false; // comment
      }
      if (keep && marker === 0xe0 && end - pos > 18) {
        // JFIF with a small copy of the picture: the header alone, without it.
        var header = bytes.slice(pos, pos + 18);
        header[2] = 0;
        header[3] = 16;
        header[16] = header[17] = 0;
        parts.push(header);
      } else if (keep) {
        parts.push(bytes.subarray(pos, end));
      }
      pos = end;
    }
    if (orientation !== 1) {
      var tiff = orientationOnly(orientation), size = 2 + 6 + tiff.length;
      var app1 = concat([new Uint8Array([0xff, 0xe1, size >> 8, size & 0xff, 0x45, 0x78, 0x69, 0x66, 0, 0]), tiff]);
      parts.splice(exifAt, 0, app1);
    }
    return concat(parts);
  }

  // --- PNG --------------------------------------------------------------------

  var PNG_KEPT = ["IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "cICP", "mDCv", "cLLi", "sBIT", "bKGD", "hIST", "pHYs", "sPLT", "acTL", "fcTL", "fdAT"];
  var CRC = (function () {
    var table = new Uint32Array(256);
    for (var n = 0; n < 256; n++) {
      var c = n;
      for (var k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
    return table;
  })();

  function crc32(bytes) {
    var c = 0xffffffff;
    for (var i = 0; i < bytes.length; i++) c = CRC[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  }

  function u32be(value) { return new Uint8Array([value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff]); }

  function cleanPng(bytes) {
    var parts = [bytes.subarray(0, 8)], pos = 8;
    while (pos + 8 <= bytes.length) {
      var length = ((bytes[pos] << 24) | (bytes[pos + 1] << 16) | (bytes[pos + 2] << 8) | bytes[pos + 3]) >>> 0;
      var type = ascii(bytes, pos + 4, 4), end = pos + 12 + length;
      if (end > bytes.length) throw new Error("PNG afgebroken");
      if (PNG_KEPT.indexOf(type) !== -1) {
        parts.push(bytes.subarray(pos, end));
      } else if (type === "eXIf") {
        var orientation = orientationOf(bytes.subarray(pos + 8, pos + 8 + length), 0);
        if (orientation !== 1) {
          var body = concat([new Uint8Array([0x65, 0x58, 0x49, 0x66]), orientationOnly(orientation)]); // "eXIf" + data
          parts.push(concat([u32be(body.length - 4), body, u32be(crc32(body))]));
        }
      }
      pos = end;
      if (type === "IEND") break;
    }
    return concat(parts);
  }

  // --- WebP -------------------------------------------------------------------

  var WEBP_KEPT = ["VP8 ", "VP8L", "VP8X", "ALPH", "ANIM", "ANMF", "ICCP"];

  function cleanWebp(bytes) {
    var chunks = [], pos = 12, orientation = 1, extended = null;
    var size = 8 + (bytes[4] | (bytes[5] << 8) | (bytes[6] << 16) | (bytes[7] << 24));
    while (pos + 8 <= Math.min(size, bytes.length)) {
      var type = ascii(bytes, pos, 4);
      var length = (bytes[pos + 4] | (bytes[pos + 5] << 8) | (bytes[pos + 6] << 16) | (bytes[pos + 7] << 24)) >>> 0;
      var end = pos + 8 + length + (length & 1);
      if (pos + 8 + length > bytes.length) throw new Error("WebP afgebroken");
      if (WEBP_KEPT.indexOf(type) !== -1) {
        var chunk = bytes.slice(pos, Math.min(end, bytes.length));
        if (type === "VP8X") extended = chunk;
        chunks.push(chunk);
      } else if (type === "EXIF") {
        orientation = orientationOf(bytes.subarray(pos + 8, pos + 8 + length), 0);
      }
      pos = end;
    }
    if (extended) {
      extended[8] &= ~0x0c; // neither EXIF (0x08) nor XMP (0x04) any more
      if (orientation !== 1) {
        extended[8] |= 0x08;
        var tiff = orientationOnly(orientation);
        chunks.push(concat([new Uint8Array([0x45, 0x58, 0x49, 0x46, tiff.length, 0, 0, 0]), tiff])); // "EXIF", even length
      }
    }
    var body = concat(chunks), total = 4 + body.length;
    return concat([new Uint8Array([0x52, 0x49, 0x46, 0x46, total & 0xff, (total >>> 8) & 0xff, (total >>> 16) & 0xff, total >>> 24, 0x57, 0x45, 0x42, 0x50]), body]);
  }

  // --- GIF --------------------------------------------------------------------

  // Application blocks kept: the loop count (two spellings) and a colour profile.
  var GIF_KEPT_APPS = ["NETSCAPE2.0", "ANIMEXTS1.0", "ICCRGBG1012"];

  function cleanGif(bytes) {
    var pos = 13, parts = [];
    if (bytes[10] & 0x80) pos += 3 << ((bytes[10] & 0x07) + 1); // global colour table
    parts.push(bytes.subarray(0, pos));
    function subBlocks(at) { // the end of a run of sub-blocks
      while (at < bytes.length && bytes[at] !== 0) at += bytes[at] + 1;
      if (at >= bytes.length) throw new Error("GIF afgebroken");
      return at + 1;
    }
    while (pos < bytes.length) {
      var kind = bytes[pos], end;
      if (kind === 0x3b) { // trailer: what follows is left out
        parts.push(bytes.subarray(pos, pos + 1));
        return concat(parts);
      }
      if (kind === 0x2c) { // an image: descriptor, local colour table, LZW data
        var flags = bytes[pos + 9];
        end = pos + 10 + (flags & 0x80 ? 3 << ((flags & 0x07) + 1) : 0) + 1;
        end = subBlocks(end);
        parts.push(bytes.subarray(pos, end));
      } else if (kind === 0x21) {
        var label = bytes[pos + 1];
        end = subBlocks(pos + 2);
        var keep = label === 0xf9 || label === 0x01; // graphic control, plain text (part of the picture)
        if (label === 0xff) keep = GIF_KEPT_APPS.indexOf(ascii(bytes, pos + 3, bytes[pos + 2])) !== -1;
        if (keep) parts.push(bytes.subarray(pos, end)); // 0xFE: a comment, left out
      } else {
        throw new Error("GIF onbekend blok");
      }
      pos = end;
    }
    throw new Error("GIF zonder einde");
  }

  // --- which files ------------------------------------------------------------

  function formatOf(bytes) {
    if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
    if (ascii(bytes, 0, 8) === "\x89PNG\r\n\x1a\n") return "png";
    if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 4) === "WEBP") return "webp";
    if (ascii(bytes, 0, 6) === "GIF87a" || ascii(bytes, 0, 6) === "GIF89a") return "gif";
    if (ascii(bytes, 4, 4) === "ftyp") return "heif"; // HEIC, HEIF, AVIF
    if (ascii(bytes, 0, 4) === "II*\0" || ascii(bytes, 0, 4) === "MM\0*") return "tiff";
    return "";
  }

  var CLEANERS = { jpeg: cleanJpeg, png: cleanPng, webp: cleanWebp, gif: cleanGif };
  var REFUSED = "Deze foto kan de redactieomgeving niet opschonen: in een HEIC-, HEIF-, AVIF- of TIFF-bestand blijven de plaats waar hij gemaakt is en de gegevens van het toestel staan. Sla de foto op als JPEG (op een iPhone: Instellingen > Camera > Formaten > Meest compatibel) en kies hem opnieuw.";
  var BROKEN = "Deze foto kan de redactieomgeving niet lezen om de plaats- en toestelgegevens eruit te halen: het bestand lijkt beschadigd of niet helemaal gekopieerd. Sla de foto opnieuw op als JPEG en kies hem opnieuw.";

  // bytes -> the same picture without metadata; throws on a broken file.
  function clean(bytes) {
    var cleaner = CLEANERS[formatOf(bytes)];
    return cleaner ? cleaner(bytes) : bytes;
  }

  function looksLikePicture(file) {
    return /^image\//.test(file.type) || /\.(jpe?g|jfif|png|webp|gif|heic|heif|avif|tiff?)$/i.test(file.name);
  }

  // A File -> {file} cleaned or as it was, or {refused: message}.
  function cleanFile(file) {
    if (!looksLikePicture(file)) return Promise.resolve({ file: file });
    return file.arrayBuffer().then(function (buffer) {
      var bytes = new Uint8Array(buffer), format = formatOf(bytes);
      if (format === "heif" || format === "tiff") return { refused: REFUSED };
      if (!CLEANERS[format]) return { file: file };
      try {
        return { file: new File([clean(bytes)], file.name, { type: file.type, lastModified: file.lastModified }) };
      } catch (error) {
        return { refused: BROKEN };
      }
    });
  }

  var passing = false;
  window.addEventListener("change", function (event) {
    var input = event.target;
    if (passing || !(input instanceof HTMLInputElement) || input.type !== "file" || !input.files || !input.files.length) return;
    var files = Array.prototype.slice.call(input.files);
    if (!files.some(looksLikePicture)) return;
    event.stopImmediatePropagation(); // React sees the cleaned files only
    Promise.all(files.map(cleanFile)).then(function (results) {
      var chosen = new DataTransfer(), refused = [];
      results.forEach(function (result) {
        if (result.file) chosen.items.add(result.file);
        else refused.push(result.refused);
      });
      input.files = chosen.files;
      if (refused.length) window.alert(refused[0]);
      if (!chosen.files.length) {
        input.value = "";
        return;
      }
      passing = true;
      try {
        input.dispatchEvent(new Event("change", { bubbles: true }));
      } finally {
        passing = false;
      }
    });
  }, true);

  // For the tests (tests/test_cms_e2e.py): the cleaning itself, on bytes.
  window.werkplaatsCleanPhoto = clean;
})();
