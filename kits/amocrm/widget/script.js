// touchplan for amoCRM/Kommo: the AMD module amoCRM loads with RequireJS
// from the widget archive. It returns the widget's constructor; amoCRM
// mixes in its Widget object (system(), get_settings(), render_template(),
// params.path, langs) and calls the callbacks below. The plan itself lives
// in touchplan/ (ES modules and the wasm engine, served from the same
// /upl/<code>/widget/ folder) and is loaded with import() only in a card.
define(['jquery'], function ($) {
  'use strict';

  // amoCRM's card areas (self.system().area) → the REST API's entity names.
  var AREA_ENTITY = { lcard: 'leads', ccard: 'contacts', comcard: 'companies' };

  var CustomWidget = function () {
    var self = this;
    var mounted = null;

    function langs() {
      return self.langs || {};
    }

    function locale() {
      var own = langs().touchplan;
      return own && own.locale === 'en' ? 'en' : 'ru';
    }

    function widgetCode() {
      var settings = self.get_settings() || {};
      return String(settings.widget_code || 'touchplan');
    }

    function moduleUrl(file) {
      return new URL(self.params.path + '/touchplan/' + file, window.location.href).href;
    }

    // The card on screen: APP.getBaseEntity() where amoCRM gives it, else
    // the area; its id from APP.data.current_card.
    function currentCard() {
      var app = window.APP;
      var entity = app && typeof app.getBaseEntity === 'function' ? app.getBaseEntity() : null;
      if (!AREA_ENTITY[self.system().area] && !entity) return null;
      entity = entity || AREA_ENTITY[self.system().area];
      var card = app && app.data && app.data.current_card;
      return card && card.id ? { entity: entity, id: card.id } : null;
    }

    function accountTimeZone() {
      var app = window.APP;
      var account = app && typeof app.constant === 'function' ? app.constant('account') : null;
      return (account && account.timezone) || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    }

    function host() {
      return $('.touchplan-amocrm-host[data-widget-code="' + widgetCode() + '"]').get(0) || null;
    }

    this.callbacks = {
      render: function () {
        if (!currentCard()) return true;
        self.render_template({
          caption: { class_name: 'touchplan-amocrm-caption' },
          body: '',
          render: '<div class="touchplan-amocrm-host" data-widget-code="' + widgetCode() + '"></div>',
        });
        return true;
      },

      init: function () {
        return true;
      },

      bind_actions: function () {
        var card = currentCard();
        var element = host();
        if (!card || !element || mounted) return true;
        mounted = import(moduleUrl('kit.js')).then(function (kit) {
          return kit.mount(element, {
            entity: card.entity,
            id: card.id,
            locale: locale(),
            timeZone: accountTimeZone(),
            fieldMap: (self.get_settings() || {}).field_map,
          });
        });
        mounted.catch(function (error) {
          $(element).text(String(error && error.message ? error.message : error));
        });
        return true;
      },

      // The `custom` setting field_map: amoCRM keeps its value in a hidden
      // input of the settings form; this adds the editor for it.
      settings: function ($modal_body) {
        var $body = $modal_body && $modal_body.length ? $modal_body : $(document.body);
        var $input = $body.find('input[name="field_map"]');
        if (!$input.length || $body.find('.touchplan-field-map').length) return true;
        var texts = langs().settings || {};
        var $hint = $('<p class="touchplan-field-map__hint"></p>').text(texts.field_map_hint || '');
        var $area = $('<textarea class="touchplan-field-map" rows="10" spellcheck="false"></textarea>');
        var $error = $('<p class="touchplan-field-map__error" role="alert"></p>').prop('hidden', true);
        $area.val(pretty($input.val()));
        $area.on('input', function () {
          var value = String($area.val()).trim();
          var ok = value === '' || isJsonObject(value);
          $error.prop('hidden', ok).text(ok ? '' : texts.field_map_invalid || '');
          if (ok) $input.val(value === '' ? '' : JSON.stringify(JSON.parse(value))).trigger('change');
        });
        $input.after($hint, $area, $error);
        import(moduleUrl('adapter.js')).then(function (adapter) {
          $area.attr('placeholder', JSON.stringify(adapter.DEFAULT_FIELD_MAP, null, 2));
        });
        return true;
      },

      onSave: function () {
        return true;
      },

      destroy: function () {
        var pending = mounted;
        mounted = null;
        if (pending) {
          pending.then(function (handle) {
            handle.destroy();
          }, function () {});
        }
      },
    };

    return this;
  };

  function isJsonObject(text) {
    try {
      var value = JSON.parse(text);
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    } catch (e) {
      return false;
    }
  }

  function pretty(text) {
    return text && isJsonObject(text) ? JSON.stringify(JSON.parse(text), null, 2) : text || '';
  }

  return CustomWidget;
});
