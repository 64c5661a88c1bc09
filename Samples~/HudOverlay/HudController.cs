#nullable enable
using System;

namespace FrameIpc.Samples.HudOverlay
{
    /// <summary>
    /// The game side of the HUD Overlay sample, in plain C# (no Unity): a tiny simulated shooter whose health and ammo
    /// the page shows. It pushes state with <see cref="IpcMain.Broadcast{T1}"/> (which skips views that are not ready or
    /// are gone, so a page closing between frames never throws) and answers the page's Reload button on <c>hud:reload</c>.
    /// Its channels are the contract <see cref="HudChannels"/>.
    /// Call <see cref="Update"/> once per frame on the thread that ticks the engine.
    /// </summary>
    public sealed class HudController : IDisposable
    {
        /// <summary>Full health.</summary>
        public const int MaxHealth = 100;
        /// <summary>A full magazine.</summary>
        public const int MaxAmmo = 30;

        private readonly IpcMain _main;
        private readonly Action<WebContents> _onViewReady;
        private double _health = MaxHealth;
        private double _sinceShot;
        private double _sinceHit;
        private int _sentHealth = -1;
        private int _sentAmmo = -1;
        private bool _disposed;

        /// <summary>Registers the <c>hud:reload</c> handler on <paramref name="main"/> and greets each page that connects.</summary>
        public HudController(IpcMain main)
        {
            _main = main ?? throw new ArgumentNullException(nameof(main));
            _main.Handle(HudChannels.Reload, e => Reload());
            _onViewReady = SendConfig;
            _main.ViewReady += _onViewReady;
        }

        /// <summary>Health now, 0 to <see cref="MaxHealth"/>.</summary>
        public int Health => (int)Math.Round(_health);

        /// <summary>Rounds left, 0 to <see cref="MaxAmmo"/>.</summary>
        public int Ammo { get; private set; } = MaxAmmo;

        /// <summary>Times the page's button reloaded.</summary>
        public int Reloads { get; private set; }

        /// <summary>Frames simulated.</summary>
        public long Frame { get; private set; }

        /// <summary>Seconds between automatic shots while there is ammo. Default 0.4.</summary>
        public double ShotInterval { get; set; } = 0.4;

        /// <summary>Seconds between hits taken. Default 1.5.</summary>
        public double HitInterval { get; set; } = 1.5;

        /// <summary>
        /// One frame of game: it fires, takes hits, regenerates, and pushes what changed to every ready page.
        /// Never throws because of a page: views that are gone are skipped.
        /// </summary>
        public void Update(double deltaSeconds)
        {
            if (_disposed) return;
            Frame++;
            Simulate(Math.Max(0, Math.Min(deltaSeconds, 0.25)));
            int health = Health;
            if (health != _sentHealth)
            {
                _sentHealth = health;
                _main.Broadcast(HudChannels.Health, health);
            }
            if (Ammo != _sentAmmo)
            {
                _sentAmmo = Ammo;
                _main.Broadcast(HudChannels.Ammo, Ammo);
            }
            if (Frame % 6 == 0) _main.Broadcast(HudChannels.Frame, Frame);
        }

        /// <summary>What <c>hud:reload</c> does: a full magazine, a notification to every page, and the reply sentence.</summary>
        public string Reload()
        {
            Reloads++;
            Ammo = MaxAmmo;
            Notify($"Reloaded: {MaxAmmo} rounds");
            return $"Engine: reloaded to {MaxAmmo} rounds (reload #{Reloads}, frame {Frame})";
        }

        /// <summary>Shows <paramref name="text"/> on every ready page.</summary>
        public void Notify(string text) => _main.Broadcast(HudChannels.Notify, text);

        /// <summary>Removes the handler and the ViewReady subscription.</summary>
        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            _main.ViewReady -= _onViewReady;
            _main.RemoveHandler(HudChannels.Reload);
        }

        private void Simulate(double dt)
        {
            _sinceShot += dt;
            if (Ammo > 0 && _sinceShot >= ShotInterval)
            {
                _sinceShot = 0;
                Ammo--;
                if (Ammo == 0) Notify("Out of ammo! Press Reload");
            }
            _sinceHit += dt;
            if (_sinceHit >= HitInterval)
            {
                _sinceHit = 0;
                _health = Math.Max(5, _health - 9);
                if (_health < 30) Notify("Health low: take cover");
            }
            _health = Math.Min(MaxHealth, _health + 3.5 * dt);
        }

        // Raised in the tick with the view ready, so this send cannot race its handshake; a view that went away in
        // the same tick is skipped.
        private void SendConfig(WebContents view)
        {
            if (!view.IsReady) return;
            try
            {
                view.Send(HudChannels.Config, new HudConfig { MaxHealth = MaxHealth, MaxAmmo = MaxAmmo });
                view.Send(HudChannels.Health, Health);
                view.Send(HudChannels.Ammo, Ammo);
                view.Send(HudChannels.Notify, $"Connected to the engine as view {view.Id}");
            }
            catch (IpcException)
            {
                // Gone between the check and the send: nothing to greet.
            }
        }
    }
}
